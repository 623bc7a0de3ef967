// The deck editor's poll form: shows the fields of the chosen question type only (without this script every field
// shows, and the server leaves out those the type does not use). The keys of each type come from the server.
const types = new Map(document.body.dataset.typeKeys.split(';').filter(Boolean).map((entry) => {
  const [name, keys] = entry.split(':');
  return [name, new Set(keys ? keys.split(',') : [])];
}));

function showFieldsOf(select) {
  const keys = types.get(select.value) || new Set();
  for (const field of select.form.querySelectorAll('.type-key')) {
    field.hidden = !keys.has(field.dataset.key);
  }
}

for (const select of document.querySelectorAll('select.poll-type')) {
  select.addEventListener('change', () => showFieldsOf(select));
  showFieldsOf(select);
}
