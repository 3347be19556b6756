#!/usr/bin/env bash
# CPU ns/line and result digest of LineEnricher on a real log (see EnrichBench's javadoc).
# Usage: scripts/dev/enrich-bench.sh LOG DB [rounds] [key=value ...]
# Extra JVM flags (e.g. JFR) via JAVA_OPTS.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -o test-compile
[ -f target/cp.txt ] || mvn -q -o dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
exec java -Xmx3g ${JAVA_OPTS:-} -cp "target/classes:target/test-classes:$(cat target/cp.txt)" \
  org.geotraffic.enrich.bench.EnrichBench "$@"
