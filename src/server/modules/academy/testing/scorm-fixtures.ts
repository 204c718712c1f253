// Minimal real SCORM packages for tests (server and browser): a manifest and one SCO that finds the runtime's API
// on its parent window, as every SCO does, and reports completion, a score and time when its button is pressed.
import { strToU8, zipSync, type Zippable } from 'fflate';

const manifest = (version: '1.2' | '2004', title: string) =>
  version === '1.2'
    ? `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="landfall-test-12" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
  <organizations default="org1"><organization identifier="org1"><title>${title}</title>
    <item identifier="item1" identifierref="res1"><title>${title}</title></item></organization></organizations>
  <resources><resource identifier="res1" type="webcontent" adlcp:scormtype="sco" href="sco/index.html"><file href="sco/index.html"/><file href="sco/style.css"/></resource></resources>
</manifest>`
    : `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="landfall-test-2004" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
  <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
  <organizations default="org1"><organization identifier="org1"><title>${title}</title>
    <item identifier="item1" identifierref="res1"><title>${title}</title></item></organization></organizations>
  <resources><resource identifier="res1" type="webcontent" adlcp:scormType="sco" href="sco/index.html"><file href="sco/index.html"/></resource></resources>
</manifest>`;

const sco = (version: '1.2' | '2004', title: string) => {
  const calls =
    version === '1.2'
      ? `var api = find('API'); api.LMSInitialize('');
         document.getElementById('finish').onclick = function () {
           api.LMSSetValue('cmi.core.score.raw', '90'); api.LMSSetValue('cmi.core.lesson_status', 'passed');
           api.LMSSetValue('cmi.core.session_time', '0000:05:00'); api.LMSSetValue('cmi.core.lesson_location', 'end');
           api.LMSCommit(''); api.LMSFinish(''); document.getElementById('done').textContent = 'Finished';
         };`
      : `var api = find('API_1484_11'); api.Initialize('');
         document.getElementById('finish').onclick = function () {
           api.SetValue('cmi.score.scaled', '0.9'); api.SetValue('cmi.success_status', 'passed'); api.SetValue('cmi.completion_status', 'completed');
           api.SetValue('cmi.session_time', 'PT5M'); api.SetValue('cmi.location', 'end');
           api.Commit(''); api.Terminate(''); document.getElementById('done').textContent = 'Finished';
         };`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title><link rel="stylesheet" href="style.css"></head>
<body><h1>${title}</h1><p>This short lesson shows the reports screen.</p><button id="finish">Finish lesson</button><p id="done"></p>
<script>
function find(name) { var w = window; for (var i = 0; i < 10 && w; i++) { if (w[name]) return w[name]; if (w.parent === w) break; w = w.parent; } throw new Error('no SCORM API'); }
${calls}
</script></body></html>`;
};

export function scormPackage(version: '1.2' | '2004', title = version === '1.2' ? 'Reports in five minutes' : 'Dashboards in five minutes', extra: Zippable = {}): Uint8Array {
  return zipSync({
    'imsmanifest.xml': strToU8(manifest(version, title)),
    sco: { 'index.html': strToU8(sco(version, title)), 'style.css': strToU8('body { font-family: sans-serif; }') },
    ...extra,
  });
}

/** A zip whose central directory claims an entry unzips to `claimedBytes` (a zip bomb, as the importer sees it). */
export function zipClaimingSize(claimedBytes: number): Uint8Array {
  const zip = scormPackage('1.2');
  const bytes = new Uint8Array(zip);
  const view = new DataView(bytes.buffer);
  for (let at = 0; at + 4 <= bytes.length; at++) {
    if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, claimedBytes, true); // central directory: uncompressed size
  }
  return bytes;
}

export function zipOf(files: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

