// Each poll type's front end is one small module, js/polltypes/<type>.js, loaded here by the type's name: a new type
// is a new file there and nothing else. The page's markup comes from the server (templates/polltypes/<type>/); a
// module only reads and applies live state to it. Every part of the interface is optional:
//
// On the phone (section: the poll's <section class="poll">):
//   answerOf(section)            the answer the input holds now, in the API's shape, or null for none
//   showAnswer(section, answer)  shows an answer (null: none) in the input
//   click(section, button)       a tap on a button of the input (not Send): returns the answer to send at once, true
//                                when only the input changed, or nothing
//   bind(section, changed)       wires inputs other than buttons; changed() is called when the input changed
//   applyLimits(section)         disables what the poll's limits forbid now
//   acked(section)               after the server stored an answer
//   newRound(section)            a new round began: the earlier answers do not count in it
//   describe(section, answer)    the text to announce for a stored answer, or nothing
//   onState(state)               the talk's state message, once per type on the page
//   onMessage(section, message)  a live message about this poll that the page does not handle itself
//   keepsInputOnRefusal          true when a refused answer stays in the input to be corrected and sent again
//   phoneResults(box, results, texts)  a compact summary of the results' `details` on the phone, under the shared
//                                bars (phone-results.js); texts: the box's data-msg-* labels (mean, median, …)
//   phoneTotalText               the data-msg-* key (camelCase) of the phone's total line, when the total counts
//                                participants rather than answers (wordcloud); default msgTotal
//
// On the screen (poll: the poll's <div class="poll">):
//   showResults(poll, results)   draws the results message's `details` into the poll's .type-results box
//   onMessage(poll, message)     a live message about this poll that the page does not handle itself

/** Loads the modules of these poll types: a Map from type name to module. */
export async function pollTypes(types) {
  const names = Array.from(new Set(types));
  const modules = await Promise.all(names.map((name) => import('/js/polltypes/' + encodeURIComponent(name) + '.js')));
  return new Map(names.map((name, i) => [name, modules[i]]));
}
