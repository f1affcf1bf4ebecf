#!/usr/bin/env python3
"""Where threads spend their wall time in a JFR recording, by the frames their stacks pass through.

Counts jdk.ExecutionSample (on CPU) and jdk.NativeMethodSample (in native code: for JDBC workers, waiting on the
database's socket) of the threads whose name contains THREAD, and prints, for each KEY, the share of all those
samples whose stack has a frame containing KEY. Record with -XX:StartFlightRecording=filename=run.jfr,settings=profile.

usage: benchmarks/jfr-breakdown.py run.jfr automation-worker Commits.commit PgConnection.commit JdbcWorkQueue.claim
"""
import collections
import json
import subprocess
import sys


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    recording, thread, keys = sys.argv[1], sys.argv[2], sys.argv[3:]
    printed = subprocess.run(['jfr', 'print', '--json', '--stack-depth', '96', '--events',
                              'jdk.ExecutionSample,jdk.NativeMethodSample', recording],
                             capture_output=True, text=True, check=True).stdout
    hits, totals = collections.Counter(), collections.Counter()
    for event in json.loads(printed)['recording']['events']:
        values = event['values']
        name = (values.get('sampledThread') or {}).get('javaName') or ''
        if thread not in name:
            continue
        kind = 'cpu' if event['type'] == 'jdk.ExecutionSample' else 'native'
        totals[kind] += 1
        frames = [(f['method']['type']['name'] + '.' + f['method']['name']).replace('/', '.')
                  for f in ((values.get('stackTrace') or {}).get('frames') or [])]
        for key in keys:
            if any(key in frame for frame in frames):
                hits[(key, kind)] += 1
    samples = sum(totals.values()) or 1
    print(f"{thread}: {totals['cpu']} on-CPU samples, {totals['native']} native (I/O wait) samples")
    for key in keys:
        print(f"{key:50s} on CPU {100 * hits[(key, 'cpu')] / samples:5.1f}%"
              f"   native {100 * hits[(key, 'native')] / samples:5.1f}%")


if __name__ == '__main__':
    main()
