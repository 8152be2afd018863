"""Recording in turn, emulated on the reports GateTrials kept (-Dlineprof.gate.keep=DIR); BENCHMARKS.md, "Recorded in turn".

    python3 benchmarks/deal-in-turn.py cli/target/lineprof-cli-<version>.jar OUT_DIR KEPT_DIR...


For each two consecutive reports X (runs x1..x10) and Y (y1..y10) of the same code (unchanged, or the same
slowed variant) kept by one GateTrials process, an A/A pair, the 20 runs in recording order are dealt
alternately to two sides (x1 x3 .. x9 y1 .. y9 | x2 .. x10 y2 .. y10), as if the two sides had been recorded in
turn, run by run. Each pair is checked with the real `lineprof check` (CLI jar, default rules) four ways: as
recorded, as recorded without the speed control (absolute times), dealt in turn without the control (as
`merge --repeats` of single-run reports gives) and with it; the exit codes, violations and tallies are printed.
"""
import copy, json, math, os, statistics, subprocess, sys

CLI = sys.argv[1]
OUT = sys.argv[2]
dirs = sys.argv[3:]
VARIANTS = ['same', 'time+5', 'time+10', 'time+20']

def side(x, y, parity, keep_control):
    out = copy.deepcopy(x)
    for fo, fx, fy in zip(out['functions'], x['functions'], y['functions']):
        if 'run_nanos' not in fx:
            continue
        runs = fx['run_nanos'] + fy['run_nanos']
        ctl = (fx.get('run_control_nanos') or []) + (fy.get('run_control_nanos') or [])
        pick = [i for i in range(len(runs)) if i % 2 == parity]
        fo['run_nanos'] = [runs[i] for i in pick]
        if len(ctl) == len(runs) and keep_control:
            fo['run_control_nanos'] = [ctl[i] for i in pick]
        else:
            fo.pop('run_control_nanos', None)
        n = len(pick)
        fo['nanos'] = [int(round(sum(fo['run_nanos'][r][i] for r in range(n)) / n)) for i in range(len(fx['nanos']))]
    out['runs'] = x['runs'] + y['runs']
    return out

def check(a, b):
    p = subprocess.run(['java', '-jar', CLI, 'check', a, b], capture_output=True, text=True)
    return p.returncode, [l for l in p.stderr.splitlines() if l.strip()]

os.makedirs(OUT, exist_ok=True)
MODES = ['plain', 'plain-abs', 'interleaved', 'interleaved-ctl']
tally = {m: [0, 0] for m in MODES}
def write(obj, name):
    path = os.path.join(OUT, name); json.dump(obj, open(path, 'w')); return path
def strip(x):
    x = copy.deepcopy(x)
    for f in x['functions']:
        f.pop('run_control_nanos', None)
    return x
for d in dirs:
    for variant in VARIANTS:
        same = sorted(f for f in os.listdir(d) if f.endswith('-timed-%s.json' % variant))
        for f1, f2 in zip(same, same[1:]):
            x = json.load(open(os.path.join(d, f1)))
            y = json.load(open(os.path.join(d, f2)))
            tag = d.replace('/', '_') + '_' + f1[:3] + '_' + f2[:3] + '_' + variant
            pairs = {
                'plain': (os.path.join(d, f1), os.path.join(d, f2)),
                'plain-abs': (write(strip(x), tag + '-x.json'), write(strip(y), tag + '-y.json')),
                'interleaved': (write(side(x, y, 0, False), tag + '-odd.json'), write(side(x, y, 1, False), tag + '-even.json')),
                'interleaved-ctl': (write(side(x, y, 0, True), tag + '-oddc.json'), write(side(x, y, 1, True), tag + '-evenc.json')),
            }
            for mode in MODES:
                rc, lines = check(*pairs[mode])
                tally[mode][0] += 1
                tally[mode][1] += rc == 1
                print('%-44s %-15s exit %d %s' % (tag, mode, rc, ' | '.join(lines)[:300]))
                if rc not in (0, 1):
                    sys.exit('check failed: ' + ' '.join(lines))
for mode, (n, flagged) in tally.items():
    print('%s: %d of %d A/A pairs flagged' % (mode, flagged, n))

# the function's change between the two sides of each pair: one report each, and dealt in turn


def total(path):
    d = json.load(open(path))
    fn = [f for f in d['functions'] if f['name'] == 'GateWorkload.run'][0]
    depth = fn.get('depth') or [0] * len(fn['lines'])
    return statistics.mean(sum(v for v, nested in zip(run, depth) if not nested) for run in fn['run_nanos'])


for mode, ends in (('one report each', ('-x.json', '-y.json')), ('dealt in turn', ('-odd.json', '-even.json'))):
    changes = [math.log(total(t + ends[1]) / total(t + ends[0]))
               for t in (p[:-len('-x.json')] for p in sorted(os.listdir(OUT)) if p.endswith('-x.json'))
               for t in [os.path.join(OUT, t)]]
    print('%s: the function changed by a spread (sd) of %.1f %%, at most %.1f %%, beyond 5 %% in %d of %d' % (
        mode, 100 * statistics.pstdev(changes), 100 * (math.exp(max(map(abs, changes))) - 1),
        sum(abs(c) > math.log(1.05) for c in changes), len(changes)))
