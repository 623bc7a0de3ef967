// The organiser dashboard's deck part: list the decks and their talks, give a deck again as a new talk, and upload a
// deck (Markdown, PDF or PowerPoint). Everything goes through the deck API with the login's session cookie; requests that change
// something carry the CSRF token (from the page) in its header. Every text from the server goes into the page as
// textContent.
import { formatLocale } from './locale.js';
const MAX_DECK_BYTES = 512 * 1024;
const MAX_PDF_BYTES = 25 * 1024 * 1024;

const body = document.body;
const text = body.dataset;
const lang = document.documentElement.lang || 'en';
const baseUrl = safeBase(body.dataset.baseUrl);

const deckList = document.querySelector('.deck-list');
const decksEmpty = document.querySelector('.decks-empty');
const uploadSection = document.querySelector('section.upload');
const uploadForm = uploadSection.querySelector('.upload-form');
const uploadFeedback = uploadSection.querySelector('.feedback');
const uploadSlot = uploadSection.querySelector('.created-slot');
const fileInput = document.getElementById('deck-file');
const deckTemplate = document.getElementById('deck-template');
const talkTemplate = document.getElementById('talk-template');
const createdTemplate = document.getElementById('created-template');
const uploadProblems = document.getElementById('upload-problems').dataset;
const uploadWarnings = document.getElementById('upload-warnings').dataset;

/** Deck id → its card, so that a refresh updates cards in place and keeps forms, focus and results. */
const cards = new Map();

class Refusal extends Error {
  /** @param lines a refused deck's faults, each "file:line: message" in the page's language (the problem's errors) */
  constructor(message, status, lines = []) {
    super(message);
    this.status = status;
    this.lines = lines;
  }
}

function safeBase(value) {
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return url.origin;
  } catch {
    // fall through to this page's origin
  }
  return location.origin;
}

function format(template, value) {
  return String(template || '').replace('%s', value);
}

function say(element, message, kind) {
  element.textContent = message || '';
  element.classList.toggle('error', kind === 'error');
  element.classList.toggle('ok', kind === 'ok');
}

/** Calls the deck API with the session; answers the JSON body, or throws a Refusal with readable text. */
async function api(path, init = {}) {
  const headers = new Headers(init.headers || {});
  headers.set('Accept', 'application/json');
  // A refused deck's detail and errors come in the page's language.
  headers.set('Accept-Language', lang);
  if (init.method && init.method !== 'GET') headers.set(text.csrfHeader, text.csrf || '');
  let response;
  try {
    response = await fetch(path, { ...init, headers, cache: 'no-store', credentials: 'same-origin' });
  } catch {
    throw new Refusal(text.msgNoConnection, 0);
  }
  let answer = null;
  if ((response.headers.get('Content-Type') || '').includes('json')) {
    try {
      answer = await response.json();
    } catch {
      answer = null;
    }
  }
  if (!response.ok) {
    const detail = answer && (answer.detail || answer.title);
    const code = answer && typeof answer.type === 'string' ? answer.type.split(':').pop() : '';
    // A refused deck lists every fault with its file and line, in the page's language.
    const errors = answer && Array.isArray(answer.errors)
      ? answer.errors.filter((e) => e && typeof e === 'object' && e.message) : [];
    if (code === 'deck-too-large' && errors.length > 0 && errors[0].line && text.msgDeckTooLarge) {
      throw new Refusal(text.msgDeckTooLarge.replace('%f', String(errors[0].file)).replace('%l', String(errors[0].line)),
        response.status);
    }
    if (errors.length > 0 && detail) {
      const lines = errors.map((e) => (e.line ? e.file + ':' + e.line + ': ' : '') + e.message);
      throw new Refusal(String(detail), response.status, lines.length > 1 ? lines : []);
    }
    // A refusal with a text of its own in the page's language (PDF uploads); else the server's detail.
    const own = code ? uploadProblems[code.replace(/-([a-z])/g, (_, c) => c.toUpperCase())] : '';
    if (own) throw new Refusal(format(own, detail || ''), response.status);
    throw new Refusal(detail ? String(detail) : format(text.msgRefused, response.status), response.status);
  }
  return answer;
}

const dateFormat = (() => {
  try {
    return new Intl.DateTimeFormat(formatLocale(lang), { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  } catch {
    return null;
  }
})();

function formatDate(iso) {
  if (!iso) return '';
  const date = new Date(String(iso) + 'T00:00:00Z');
  return dateFormat && !Number.isNaN(date.getTime()) ? dateFormat.format(date) : String(iso);
}

function talkItem(talk, highlight) {
  const item = talkTemplate.content.firstElementChild.cloneNode(true);
  const link = item.querySelector('.talk-code');
  link.href = '/t/' + encodeURIComponent(talk.code);
  link.textContent = talk.code;
  item.querySelector('.talk-title').textContent = talk.title || '';
  const date = item.querySelector('.talk-date');
  date.textContent = formatDate(talk.date);
  if (talk.date) date.dateTime = String(talk.date);
  item.querySelector('.talk-venue').textContent = talk.venue ? talk.venue : '';
  item.classList.toggle('is-new', talk.code === highlight);
  return item;
}

function newCard(deckId) {
  const card = deckTemplate.content.firstElementChild.cloneNode(true);
  card.dataset.deckId = String(deckId);
  const form = card.querySelector('.new-talk-form');
  const feedback = card.querySelector('.feedback');
  const slot = card.querySelector('.created-slot');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const venue = form.querySelector('.venue').value.trim();
    const date = form.querySelector('.date').value;
    const payload = {};
    if (venue) payload.venue = venue;
    if (date) payload.date = date;
    create(form, feedback, slot, () => api('/api/decks/' + encodeURIComponent(deckId) + '/talks', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(payload),
    }));
  });
  return card;
}

function fillCard(card, deck, highlight) {
  const talks = Array.isArray(deck.talks) ? deck.talks : [];
  const latest = talks[talks.length - 1];
  card.querySelector('.deck-title').textContent = (latest && latest.title) || deck.name || '';
  card.querySelector('.deck-name').textContent = deck.folderFile || deck.name || '';
  card.querySelector('.deck-origin').textContent = deck.folderFile ? text.msgInFolder : text.msgUploaded;
  card.dataset.file = deck.folderFile || '';
  const signature = JSON.stringify([talks, highlight || null]);
  if (card.dataset.signature !== signature) {
    card.dataset.signature = signature;
    card.querySelector('.talk-list').replaceChildren(...talks.map((t) => talkItem(t, highlight)));
  }
  card.querySelector('.talks-empty').hidden = talks.length > 0;
}

function render(decks, highlight) {
  const list = Array.isArray(decks) ? decks : [];
  const seen = new Set();
  list.forEach((deck, index) => {
    let card = cards.get(deck.id);
    if (!card) {
      card = newCard(deck.id);
      cards.set(deck.id, card);
    }
    fillCard(card, deck, highlight);
    // Move a card only when it is out of place: moving a node takes the focus out of it.
    if (deckList.children[index] !== card) deckList.insertBefore(card, deckList.children[index] || null);
    seen.add(deck.id);
  });
  cards.forEach((card, id) => {
    if (!seen.has(id)) {
      card.remove();
      cards.delete(id);
    }
  });
  decksEmpty.hidden = list.length > 0;
}

function createdPanel(created) {
  const panel = createdTemplate.content.firstElementChild.cloneNode(true);
  panel.querySelector('.created-code').textContent = created.code;
  const participant = new URL(created.participantPath, baseUrl).href;
  const presenter = new URL(created.presenterPath, baseUrl).href;
  const participantLink = panel.querySelector('.participant-link');
  participantLink.href = participant;
  participantLink.textContent = participant;
  const presenterLink = panel.querySelector('.presenter-link');
  presenterLink.href = presenter;
  presenterLink.textContent = presenter;
  return panel;
}

/** A new deck's warnings (what is ignored or missing), each in the page's language by its code; null when none. */
function warningList(warnings) {
  if (!Array.isArray(warnings) || warnings.length === 0) return null;
  const section = document.createElement('section');
  section.className = 'deck-warnings';
  const title = document.createElement('h4');
  title.textContent = uploadWarnings.title;
  const list = document.createElement('ul');
  warnings.forEach((w) => {
    const item = document.createElement('li');
    const own = uploadWarnings[String(w.code || '').replace(/-([a-z])/g, (_, c) => c.toUpperCase())];
    item.textContent = own ? own.replace('%l', String(w.line)).replace('%s', String(w.subject)) : String(w.detail);
    list.append(item);
  });
  section.append(title, list);
  return section;
}

/** A refused deck's faults as a list, each "file:line: message". */
function errorList(lines) {
  const list = document.createElement('ul');
  list.className = 'deck-errors';
  lines.forEach((line) => {
    const item = document.createElement('li');
    item.textContent = line;
    list.append(item);
  });
  return list;
}

/** Runs a request that creates a talk; shows its code and links, or the refusal, and refreshes the list. */
async function create(form, feedback, slot, request) {
  if (form.dataset.busy) return;
  form.dataset.busy = 'true';
  form.setAttribute('aria-busy', 'true');
  slot.replaceChildren();
  say(feedback, text.msgWorking);
  try {
    const created = await request();
    slot.replaceChildren(createdPanel(created));
    const warnings = warningList(created.warnings);
    if (warnings) slot.append(warnings);
    say(feedback, format(text.msgCreated, created.code), 'ok');
    form.reset();
    await refresh(created.code);
  } catch (e) {
    say(feedback, e.message, 'error');
    if (e.lines && e.lines.length > 0) slot.replaceChildren(errorList(e.lines));
  } finally {
    delete form.dataset.busy;
    form.removeAttribute('aria-busy');
  }
}

async function refresh(highlight) {
  try {
    render(await api('/api/decks'), highlight);
  } catch (e) {
    say(uploadFeedback, e.message, 'error');
  }
}

uploadForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const files = [...(fileInput.files || [])];
  if (files.length === 0) return;
  // A PDF, PowerPoint file or deck zip from the deck editor may be larger than a Markdown deck; a .pptx and its PDF
  // go together in field deck.
  const large = (file) => file.type === 'application/pdf' || /\.(pdf|pptx|zip)$/i.test(file.name);
  if (files.some((file) => file.size > (large(file) ? MAX_PDF_BYTES : MAX_DECK_BYTES))) {
    uploadSlot.replaceChildren();
    say(uploadFeedback, text.msgTooLarge, 'error');
    return;
  }
  const data = new FormData();
  files.forEach((file) => data.append('deck', file, file.name));
  data.append('lang', lang);
  create(uploadForm, uploadFeedback, uploadSlot, () => api('/api/decks', { method: 'POST', body: data }));
});

refresh();
