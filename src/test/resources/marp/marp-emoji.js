// Writes src/main/resources/marp/emoji-shortcodes.properties: the emoji shortcodes marp-core renders (the data of
// markdown-it-emoji that marp-core bundles), as name=emoji lines. Usage: NODE_PATH=<scratch>/node_modules node marp-emoji.js
const fs = require('fs');
const path = require('path');
const lib = path.dirname(require.resolve('@marp-team/marp-core'));
const version = require('@marp-team/marp-core/package.json').version;
const src = fs.readdirSync(lib).filter(f => f.endsWith('.cjs')).map(f => fs.readFileSync(path.join(lib, f), 'utf8'))
  .find(s => s.includes('{100:`💯`'));
const start = src.indexOf('{100:`💯`');
let depth = 0, end = start;
for (; end < src.length; end++) {
  if (src[end] === '{') depth++;
  else if (src[end] === '}' && --depth === 0) break;
}
const map = Function('return ' + src.slice(start, end + 1))();
const out = ['# Emoji shortcodes (:name: = emoji) as @marp-team/marp-core ' + version + ' renders them: the data of markdown-it-emoji',
  '# (MIT, Vitaly Puzrin and Alex Kocharin) bundled in marp-core. Written by src/test/resources/marp/marp-emoji.js.']
  .concat(Object.entries(map).map(([k, v]) => k + '=' + v));
fs.writeFileSync(path.join(__dirname, '../../../main/resources/marp/emoji-shortcodes.properties'), out.join('\n') + '\n');
console.log(Object.keys(map).length + ' shortcodes');
