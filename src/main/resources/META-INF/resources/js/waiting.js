// The phone between questions: the waiting screen names the slide on the screen and offers the way to ask a question
// (the Q&A tab's, shown while the tab is).

/** `show(slide)` takes a `slide` message (or a `state` message's `show`) and shows its title. */
export function waitingScreen() {
  const now = document.querySelector('.slide-now');
  const title = document.querySelector('.slide-title');
  const ask = document.querySelector('.qa-ask');
  const tab = document.querySelector('.qa-tab');
  if (ask && tab) {
    ask.addEventListener('click', () => tab.click());
    const follow = () => { ask.hidden = tab.hidden; };
    new MutationObserver(follow).observe(tab, { attributes: true, attributeFilter: ['hidden'] });
    follow();
  }
  return {
    show(slide) {
      if (!now || !slide) return;
      title.textContent = slide.title || '';
      now.hidden = !slide.title;
    },
  };
}
