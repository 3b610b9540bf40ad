#!/usr/bin/env bash
# Checks that a Maven build rewrites the frozen class when only its model file changed: builds
# samples-frozen, replaces digits.nrt with a model of other weights, builds again (no source
# changed) and requires DigitsModel's Javadoc to name the new file's SHA-256; then puts the
# file back (the next build reads it again). .ci/run runs it after `mvn verify`.
set -euo pipefail
cd "$(dirname "$0")/.."
model=samples-frozen/src/main/resources/dev/neurite/samples/frozen/digits.nrt
generated=samples-frozen/target/generated-sources/annotations/dev/neurite/samples/frozen/DigitsModel.java
build() { mvn -B -ntp -q -o -DskipTests package -pl samples-frozen -am; }
sha() { sha256sum "$1" | cut -d' ' -f1; }

backup=$(mktemp)
cp "$model" "$backup"
trap 'cp "$backup" "$model"; rm -f "$backup"' EXIT

build
grep -q "SHA-256 {@code $(sha "$model")}" "$generated" \
  || { echo "DigitsModel does not name the committed model file's SHA-256" >&2; exit 1; }
java -cp runtime/target/classes:samples-frozen/target/test-classes \
  dev.neurite.samples.frozen.NudgeModelFile "$model"
build
if ! grep -q "SHA-256 {@code $(sha "$model")}" "$generated"; then
  echo "a changed model file did not rewrite DigitsModel: Maven kept the old frozen class" >&2
  exit 1
fi
echo "rebuild-check: a changed digits.nrt rewrote DigitsModel"
