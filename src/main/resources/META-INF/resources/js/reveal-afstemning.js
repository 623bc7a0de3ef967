/*
 * Afstemning's reveal.js plugin: live polls inside a reveal.js deck (README "Live polls in PowerPoint, Keynote,
 * reveal.js and Google Slides").
 *
 *   <script src="https://afstemning.example.dk/js/reveal-afstemning.js"></script>
 *   <section data-afstemning-poll="afstemning" data-afstemning-open="arrival"></section>
 *   Reveal.initialize({ plugins: [ RevealAfstemning ],
 *     afstemning: { server: 'https://afstemning.example.dk', talk: 'HTPDDW', key: '…' } });
 *
 * Each section with data-afstemning-poll gets the poll's embed view (/embed/{talk}/{poll}) in a frame: the results
 * are drawn by the app's own audience screen code, live from its screen feed, and the deck's site needs no access to
 * the app's API (only afstemning.frame-ancestors must name it). With the presenter key the plugin tells the frames
 * which slide is shown, and they move the show: arriving at a poll section moves the phones to that poll (and opens
 * it if the section says data-afstemning-open="arrival" and it was never opened); any other section moves them to the
 * waiting screen (the talk's first slide without a poll), as the phones of Slido show "no active poll" between polls.
 * Without the key the frames only show the live results. Optional settings: lang ('da' or 'en'), height (of the frame,
 * CSS, default 600px); a section's data-afstemning-title names its frame for screen readers.
 */
(function () {
  'use strict';

  function RevealAfstemning() {
    var frames = [];
    var reveal = null;
    var options = {};
    var origin = null;

    function embedUrl(section) {
      var server = String(options.server).replace(/\/+$/, '');
      var url = new URL(server + '/embed/' + encodeURIComponent(options.talk) + '/'
        + encodeURIComponent(section.getAttribute('data-afstemning-poll')));
      url.searchParams.set('control', 'host');
      if (options.key) url.searchParams.set('key', options.key);
      if ((section.getAttribute('data-afstemning-open') || options.open) === 'arrival') {
        url.searchParams.set('open', 'arrival');
      }
      if (options.lang) url.searchParams.set('lang', options.lang);
      return url.toString();
    }

    // Tells one frame whether its section is shown, and the first frame whether no poll section is (it then moves the
    // phones to the waiting screen). A frame that is not listening yet asks again when it is ('ready').
    function tell(frame) {
      var slide = reveal.getCurrentSlide();
      var onPoll = frames.some(function (f) { return f.section === slide; });
      if (!frame.iframe.contentWindow) return;
      frame.iframe.contentWindow.postMessage({
        afstemning: 'slide', shown: frame.section === slide, away: !onPoll && frame === frames[0],
      }, origin);
    }

    function tellAll() {
      frames.forEach(tell);
    }

    return {
      id: 'afstemning',
      init: function (deck) {
        reveal = deck;
        options = deck.getConfig().afstemning || {};
        if (!options.server || !options.talk) {
          console.warn('RevealAfstemning: set afstemning: { server, talk } in Reveal.initialize');
          return;
        }
        origin = new URL(options.server).origin;
        var sections = deck.getSlidesElement().querySelectorAll('section[data-afstemning-poll]');
        Array.prototype.forEach.call(sections, function (section) {
          var iframe = document.createElement('iframe');
          iframe.className = 'afstemning-poll';
          iframe.src = embedUrl(section);
          // The frame's name for screen readers: the section's data-afstemning-title, else the poll's id.
          iframe.title = section.getAttribute('data-afstemning-title') || section.getAttribute('data-afstemning-poll');
          iframe.style.width = '100%';
          iframe.style.height = options.height || '600px';
          iframe.style.border = '0';
          // The view has no control: clicks and keys stay with reveal.js, so → still moves the deck after a click.
          iframe.style.pointerEvents = 'none';
          section.appendChild(iframe);
          frames.push({ section: section, iframe: iframe });
        });
        window.addEventListener('message', function (event) {
          if (event.origin !== origin || !event.data || event.data.afstemning !== 'ready') return;
          frames.forEach(function (frame) {
            if (frame.iframe.contentWindow === event.source) tell(frame);
          });
        });
        deck.on('ready', tellAll);
        deck.on('slidechanged', tellAll);
      },
    };
  }

  window.RevealAfstemning = RevealAfstemning;
}());
