#!/usr/bin/env bash
# Vendor clustergraph's front-end libraries into web/vendor/ from the npm registry.
#
# Pages served by clustergraph never reach the internet: vis-network (the network viewer) and
# YASGUI (the SPARQL editor) are copied here, with their licences, and served locally.
# web/vendor/README.md says how each page must configure them so that nothing is fetched.
#
# To update a library: change its pinned version below, run this script, read the diff of
# web/vendor/ (README's sha256 block, THIRD-PARTY-LICENSES.txt), re-check the bundle for URLs it
# could fetch at run time (README, "Run-time configuration"), then run
#   .venv/bin/pytest tests/test_vendor.py tests/test_vendor_offline.py
#
# Usage: scripts/vendor-frontend.sh
# Needs: npm (talks to the npm registry), python3, tar, sha256sum. node_modules is only ever
# created in a temporary folder, never in the repository.
set -euo pipefail

# --- pinned versions -------------------------------------------------------------------------
VIS_NETWORK_VERSION="10.1.5"
YASGUI_VERSION="4.6.2"
# Code bundled into vis-network's standalone build (its devDependencies at 10.1.5 and the build
# helpers of vis-dev-utils). Installed only to copy their licence texts.
VIS_NETWORK_BUNDLED=(
  "@egjs/hammerjs@2.0.17" "component-emitter@1.3.1" "keycharm@0.4.0" "uuid@14.0.3"
  "vis-data@8.0.6" "vis-util@6.0.3" "@babel/runtime-corejs3@8.1.0" "core-js-pure@3.51.0"
  "style-inject@0.3.0"
)
# ---------------------------------------------------------------------------------------------

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENDOR_DIR="$REPO_ROOT/web/vendor"
WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/vendor-build.XXXXXX")"
trap 'rm -rf "$WORK_DIR"' EXIT

log() { printf 'vendor-frontend: %s\n' "$*" >&2; }

# npm_unpack SPEC DEST: download the package tarball (npm checks its integrity), unpack it, and
# record "name<TAB>version<TAB>integrity" in $WORK_DIR/packages.tsv for the README.
npm_unpack() {
  local spec="$1" dest="$2"
  mkdir -p "$dest"
  (cd "$WORK_DIR" && npm pack --json --silent "$spec") > "$WORK_DIR/pack.json"
  python3 - "$WORK_DIR/pack.json" >> "$WORK_DIR/packages.tsv" <<'PY'
import json, sys
(packed,) = json.load(open(sys.argv[1]))
print(f"{packed['name']}\t{packed['version']}\t{packed['integrity']}\t{packed['filename']}")
PY
  tar -xzf "$WORK_DIR/$(tail -n 1 "$WORK_DIR/packages.tsv" | cut -f4)" -C "$dest" \
    --strip-components=1
  log "unpacked $(tail -n 1 "$WORK_DIR/packages.tsv" | cut -f1-3)"
}

# npm_install_into DIR SPEC...: install packages (no scripts) to read their licence files.
npm_install_into() {
  local dir="$1"; shift
  mkdir -p "$dir"
  (cd "$dir" && npm init -y >/dev/null && npm install --silent --ignore-scripts --no-audit \
    --no-fund --legacy-peer-deps "$@")
}

# MIT_TEXT: the MIT licence body, for packages that declare MIT but ship no licence file.
MIT_TEXT='Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.'
export MIT_TEXT

# licence_of PACKAGE_DIR OUT: write a package's licence: its own licence file when it ships one;
# otherwise, when its package.json declares MIT, the MIT text with the holders it names.
licence_of() {
  python3 - "$@" <<'PY'
import json, os, sys
from pathlib import Path

package_dir, out = Path(sys.argv[1]), Path(sys.argv[2])

def shipped_licence(package_dir):
    for pattern in ("LICEN[CS]E*", "licen[cs]e*", "COPYING*", "License*"):
        found = sorted(p for p in package_dir.glob(pattern) if p.is_file())
        if found:
            return found[0].read_text(encoding="utf-8", errors="replace").strip() + "\n"
    return None

meta = json.loads((package_dir / "package.json").read_text())
text = shipped_licence(package_dir)
if text is None:
    if meta.get("license") != "MIT":
        sys.exit(f"{meta['name']} ships no licence file and declares {meta.get('license')!r}: "
                 "find its licence text by hand")
    def holder(person):
        return person["name"] if isinstance(person, dict) else person.split(" <")[0]
    holders = [holder(meta["author"])] if meta.get("author") else []
    holders += [holder(c) for c in meta.get("contributors", [])]
    repository = meta.get("repository", {})
    repository = repository.get("url", "") if isinstance(repository, dict) else repository
    text = (
        f"{meta['name']} {meta['version']} declares \"license\": \"MIT\" in its package.json and "
        "ships no licence file;\nthis is the MIT licence text with the holders that package.json "
        f"names.\nSource: {repository}\n\nMIT License\n\n"
        f"Copyright (c) {' and '.join(holders) or 'the ' + meta['name'] + ' authors'}\n\n"
        + os.environ["MIT_TEXT"] + "\n"
    )
out.write_text(text, encoding="utf-8")
PY
}

# package_heading PACKAGE_JSON: the heading of one package's entry in THIRD-PARTY-LICENSES.txt.
package_heading() {
  python3 - "$1" <<'PY'
import json, sys
meta = json.load(open(sys.argv[1]))
rule = "=" * 78
print(f"{rule}\n{meta['name']} (package.json licence: {meta.get('license', 'not declared')};"
      f" text from version {meta['version']})\n{rule}\n")
PY
}

# third_party_licences SOURCE_MAP NODE_MODULES_DIR OUT: concatenate the licence texts of every
# npm package whose sources appear in the bundle's source map. Fails when one is not installed.
third_party_licences() {
  local source_map="$1" node_modules="$2" out="$3" name package_dir
  python3 - "$source_map" > "$WORK_DIR/bundled-packages.txt" <<'PY'
import json, re, sys
names = set()
for source in json.load(open(sys.argv[1]))["sources"]:
    match = re.search(r".*node_modules/((?:@[^/]+/)?[^/]+)/", source)
    if match:
        names.add(match.group(1))
if not names:
    sys.exit(f"{sys.argv[1]} names no npm package: has the bundle's build changed?")
print("\n".join(sorted(names)))
PY
  {
    printf '%s\n' "Third-party code bundled into $(basename "$(dirname "$out")")'s bundle," \
      "as named by the bundle's source map. Each licence text comes from the npm package" \
      "installed by scripts/vendor-frontend.sh." ""
    while IFS= read -r name; do
      package_dir="$(find "$node_modules" -path "*node_modules/$name/package.json" \
        -not -path "*node_modules/$name/node_modules/*" | sort | head -n 1)"
      if [[ -z "$package_dir" ]]; then
        log "bundled package $name is not installed: add it to the install list of this script"
        return 1
      fi
      package_dir="$(dirname "$package_dir")"
      package_heading "$package_dir/package.json"
      licence_of "$package_dir" "$WORK_DIR/licence.txt"
      cat "$WORK_DIR/licence.txt"
      printf '\n'
    done < "$WORK_DIR/bundled-packages.txt"
  } > "$out"
}

# update_readme: rewrite the two generated blocks of web/vendor/README.md (between their markers):
# the npm tarballs vendored from, and the sha256 of every file in each library folder.
update_readme() {
  python3 - "$VENDOR_DIR" "$WORK_DIR/packages.tsv" <<'PY'
import hashlib, sys
from pathlib import Path

vendor, packages_tsv = Path(sys.argv[1]), Path(sys.argv[2])
readme = vendor / "README.md"
text = readme.read_text(encoding="utf-8")

def replace_block(text, name, body):
    begin, end = f"<!-- {name}:begin -->", f"<!-- {name}:end -->"
    if begin not in text or end not in text:
        sys.exit(f"{readme} has lost its {begin} / {end} markers; put them back and re-run")
    head, rest = text.split(begin, 1)
    _, tail = rest.split(end, 1)
    return f"{head}{begin}\n{body}\n{end}{tail}"

rows = ["| npm package | version | tarball integrity |", "| --- | --- | --- |"]
for line in packages_tsv.read_text().splitlines():
    name, version, integrity, _ = line.split("\t")
    rows.append(f"| `{name}` | {version} | `{integrity}` |")
text = replace_block(text, "packages", "\n".join(rows))

sums = []
for library in sorted(p for p in vendor.iterdir() if p.is_dir()):
    for path in sorted(p for p in library.rglob("*") if p.is_file()):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        sums.append(f"{digest}  {path.relative_to(vendor).as_posix()}")
text = replace_block(text, "sha256", "```\n" + "\n".join(sums) + "\n```")
readme.write_text(text, encoding="utf-8")
PY
}

# --- vis-network: standalone UMD build (includes vis-data; injects its own CSS) ----------------
log "vis-network $VIS_NETWORK_VERSION"
npm_unpack "vis-network@$VIS_NETWORK_VERSION" "$WORK_DIR/vis-network"
npm_install_into "$WORK_DIR/vis-network-deps" "${VIS_NETWORK_BUNDLED[@]}"
rm -rf "$VENDOR_DIR/vis-network"
mkdir -p "$VENDOR_DIR/vis-network"
cp "$WORK_DIR/vis-network/standalone/umd/vis-network.min.js" \
   "$WORK_DIR/vis-network/LICENSE-MIT" \
   "$WORK_DIR/vis-network/LICENSE-APACHE-2.0" \
   "$VENDOR_DIR/vis-network/"
third_party_licences "$WORK_DIR/vis-network/standalone/umd/vis-network.min.js.map" \
  "$WORK_DIR/vis-network-deps/node_modules" "$VENDOR_DIR/vis-network/THIRD-PARTY-LICENSES.txt"

# --- YASGUI (@zazuko/yasgui: YASQE editor + YASR results in one browser bundle) -----------------
log "@zazuko/yasgui $YASGUI_VERSION"
npm_unpack "@zazuko/yasgui@$YASGUI_VERSION" "$WORK_DIR/yasgui"
npm_install_into "$WORK_DIR/yasgui-deps" "@zazuko/yasgui@$YASGUI_VERSION"
rm -rf "$VENDOR_DIR/yasgui"
mkdir -p "$VENDOR_DIR/yasgui"
cp "$WORK_DIR/yasgui/build/yasgui.min.js" "$WORK_DIR/yasgui/build/yasgui.min.css" \
   "$VENDOR_DIR/yasgui/"
# The package declares "license": "MIT" but ships no licence file: licence_of writes the MIT
# text with the holders its package.json names.
licence_of "$WORK_DIR/yasgui" "$VENDOR_DIR/yasgui/LICENSE"
third_party_licences "$WORK_DIR/yasgui/build/yasgui.min.js.map" \
  "$WORK_DIR/yasgui-deps/node_modules" "$VENDOR_DIR/yasgui/THIRD-PARTY-LICENSES.txt"

update_readme
log "done; review: git diff --stat -- web/vendor"
