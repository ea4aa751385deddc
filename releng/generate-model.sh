#!/bin/sh
# Regenerates a model bundle's src-gen from its .genmodel (and refreshes the genmodel from its .ecore).
# Without an argument: bundles/io.crossbill.model/model/canonical.genmodel. With one: that genmodel,
# e.g. releng/generate-model.sh bundles/io.crossbill.mapping/model/mapping.genmodel
# Generated code is never edited by hand: change the .ecore, run this.
set -e
here=$(cd "$(dirname "$0")" && pwd)
JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
export JAVA_HOME
if [ $# -gt 1 ]; then
  echo "usage: $0 [path/to/model.genmodel]" >&2
  exit 2
fi
if [ $# -eq 1 ]; then
  [ -f "$1" ] || { echo "generate-model.sh: no such genmodel: $1" >&2; exit 2; }
  genmodel=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  exec "$here/../mvnw" -q -f "$here/io.crossbill.releng.codegen/pom.xml" compile exec:java "-Dcrossbill.genmodel=$genmodel"
fi
exec "$here/../mvnw" -q -f "$here/io.crossbill.releng.codegen/pom.xml" compile exec:java
