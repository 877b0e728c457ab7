import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import packageJson from './package.json' with { type: 'json' };

// One manifest, two targets: `vite build --mode chrome|firefox` writes dist/<mode>/.
// crxjs keeps `service_worker` for Chrome and `scripts` for Firefox.
export default defineConfig(({ mode }) => {
  const browser = mode === 'firefox' ? 'firefox' : 'chrome';
  // package.json is the one place the version is set; the stores and the zips read it from the manifest.
  const versioned = { ...manifest, version: packageJson.version };
  return {
    plugins: [
      preact(),
      crx({
        manifest: browser === 'chrome' ? withoutGeckoSettings(versioned) : versioned,
        browser,
        // One self-contained IIFE: no loader chunk, so nothing is web-accessible to CircleCI's page.
        contentScripts: { standaloneFiles: ['src/content/index.tsx'] },
      }),
    ],
    build: {
      outDir: `dist/${browser}`,
      emptyOutDir: true,
      target: 'es2022',
    },
  };
});

// Chrome warns about the Firefox-only key on every load; keep its build warning-free.
function withoutGeckoSettings(source: typeof manifest) {
  const { browser_specific_settings: _firefoxOnly, ...chromeManifest } = source;
  return chromeManifest;
}
