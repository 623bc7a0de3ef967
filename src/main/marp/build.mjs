// Builds /js/vendor/marp.js, the KaTeX fonts and the Lato / Roboto Mono faces of Marp's themes into target/classes/META-INF/resources (run by Maven in
// generate-resources: node src/main/marp/build.mjs <target dir>). npm ci runs in <target>/marp with the committed lock
// file, only when the lock changed; Node is needed to build, never to run the app.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const target = resolve(process.argv[2] || join(here, '..', '..', '..', 'target'));
const work = join(target, 'marp');
const out = join(target, 'classes', 'META-INF', 'resources', 'js', 'vendor');
mkdirSync(work, { recursive: true });
const lock = readFileSync(join(here, 'package-lock.json'), 'utf8');
const installed = join(work, 'node_modules', '.package-lock.json');
const stamp = join(work, 'package-lock.json');
if (!existsSync(installed) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== lock) {
  copyFileSync(join(here, 'package.json'), join(work, 'package.json'));
  copyFileSync(join(here, 'package-lock.json'), stamp);
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: work, stdio: 'inherit' });
}
const { build } = await import(pathToFileURL(join(work, 'node_modules', 'esbuild', 'lib', 'main.js')).href);
await build({
  entryPoints: [join(here, 'marp-entry.js')],
  nodePaths: [join(work, 'node_modules')],
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2020',
  legalComments: 'eof',
  outfile: join(out, 'marp.js'),
  logLevel: 'warning',
});
const fonts = join(work, 'node_modules', 'katex', 'dist', 'fonts');
mkdirSync(join(out, 'katex', 'fonts'), { recursive: true });
for (const f of readdirSync(fonts).filter((f) => f.endsWith('.woff2'))) {
  copyFileSync(join(fonts, f), join(out, 'katex', 'fonts', f));
}
// The faces Marp's gaia theme @imports from fonts.bunny.net (Lato 400 and 900, Roboto Mono 400 and 700), which the
// CSP refuses: Fontsource's (OFL) woff2 files and one stylesheet, /js/vendor/fonts/marp-fonts.css, that marp-entry.js
// @imports instead.
const faces = [['lato', '400'], ['lato', '900'], ['roboto-mono', '400'], ['roboto-mono', '700']];
mkdirSync(join(out, 'fonts'), { recursive: true });
let sheet = '/* Lato and Roboto Mono from Fontsource (SIL Open Font License 1.1), for Marp\'s themes */\n';
for (const [family, weight] of faces) {
  const pkg = join(work, 'node_modules', '@fontsource', family);
  const css = readFileSync(join(pkg, weight + '.css'), 'utf8')
    .replace(/, url\(\.\/files\/[^)]+\.woff\) format\('woff'\)/g, '')
    .replace(/url\(\.\/files\/([^)]+\.woff2)\)/g, (m, file) => {
      copyFileSync(join(pkg, 'files', file), join(out, 'fonts', file));
      return `url(/js/vendor/fonts/${file})`;
    });
  sheet += css;
}
writeFileSync(join(out, 'fonts', 'marp-fonts.css'), sheet);
