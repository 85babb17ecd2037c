#!/usr/bin/env bash
# Regenerates src/test/resources/bpmnlint/bpmnlint-bundle.js and THIRD-PARTY-NOTICES.txt after a change to
# .bpmnlintrc or to the versions in package.json (then commit both with package-lock.json).
# Needs Node 20+ and npm; the Java build does not (BpmnLintTest runs the committed bundle in GraalJS).
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
node build.mjs
