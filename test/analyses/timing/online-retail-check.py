# Independent check of the timing analysis on the bundled Online Retail (Python 3, standard library only):
# reads the raw CSV itself, applies the loader's rules as documented (no customer id, zero amount and exact
# duplicate rows set aside; invoices starting with C and negative amounts are returns) and the timing rules
# of src/analyses/timing/sql.ts (TIMING_RULES). The figures timing.test.ts asserts come from its output:
#   python3 test/analyses/timing/online-retail-check.py
import csv, gzip, statistics
from datetime import datetime, date
from decimal import Decimal
from collections import defaultdict, Counter
rows = []
seen = set()
with gzip.open(__import__('os').path.join(__import__('os').path.dirname(__file__), '../../../data/online_retail.csv.gz'), 'rt', encoding='utf-8', newline='') as f:
    r = csv.reader(f); header = next(r)
    for row in r:
        inv, code, desc, qty, ts, price, cust, country = row
        if not cust.strip(): continue
        amount = Decimal(qty) * Decimal(price)
        if amount == 0: continue
        key = tuple(row)
        if key in seen: continue
        seen.add(key)
        rows.append((cust, inv, datetime.strptime(ts, '%Y-%m-%d %H:%M:%S'), amount, amount < 0 or inv.startswith('C')))
as_of = datetime.combine(max(t for _, _, t, _, _ in rows).date(), datetime.min.time())
from datetime import timedelta
as_of = as_of + timedelta(days=1)
print('asOf', as_of)
orders = {}
revenue = defaultdict(Decimal)
for c, o, t, a, ret in rows:
    if t >= as_of: continue
    revenue[c] += a
    if ret: continue
    k = (c, o)
    if k not in orders or t < orders[k]: orders[k] = t
by_cust = defaultdict(list)
for (c, o), t in orders.items(): by_cust[c].append(t)
def band(h): return 'night' if h < 6 else 'morning' if h < 12 else 'afternoon' if h < 18 else 'evening'
def season(t): return t.month == 12 or (t.month == 11 and t.day >= 20)
seg = Counter(); segrev = defaultdict(Decimal); pat = Counter(); cycles = []
tot = Counter()
grid = Counter()
for c, ts in by_cust.items():
    n = len(ts)
    wk = sum(1 for t in ts if t.weekday() >= 5)
    se = sum(1 for t in ts if season(t))
    bands = Counter(band(t.hour) for t in ts)
    days = sorted({t.date() for t in ts})
    gaps = [(b - a).days for a, b in zip(days, days[1:])]
    cycle = statistics.median(gaps) if n >= 3 and gaps else None
    since = (as_of.date() - max(ts).date()).days
    due = cycle is not None and since > 2 * cycle and since > 30
    tot['orders'] += n; tot['weekend'] += wk; tot['season'] += se
    for b, k in bands.items(): tot[b] += k
    for t in ts: grid[(t.isoweekday(), t.hour)] += 1
    if cycle is not None: cycles.append(cycle)
    if n >= 2 and se * 100 >= 60 * n: pat['season'] += 1
    if n >= 2 and wk * 100 >= 60 * n: pat['weekend'] += 1
    if due: pat['due'] += 1
    if n == 1: s = 'one-order'
    elif se * 100 >= 60 * n: s = 'holiday-season'
    elif due: s = 'due'
    elif wk * 100 >= 60 * n: s = 'weekend'
    else:
        s = next((b for b in ('night', 'morning', 'afternoon', 'evening') if bands[b] * 100 >= 60 * n), 'no-pattern')
    seg[s] += 1; segrev[s] += revenue[c]
print('customers', len(by_cust), 'revenue', sum(revenue[c] for c in by_cust))
for s in ['holiday-season', 'due', 'weekend', 'night', 'morning', 'afternoon', 'evening', 'no-pattern', 'one-order']:
    print(s, seg[s], segrev[s])
print('totals', dict(tot)); print('patterns', dict(pat))
print('cycle customers', len(cycles), 'median', statistics.median(cycles))
print('grid Thu 12h', grid[(4, 12)], 'Sun 14h', grid[(7, 14)], 'Sat any', sum(v for (d, h), v in grid.items() if d == 6), 'max', max(grid.items(), key=lambda kv: kv[1]))
print('customers with >= 3 orders', sum(1 for ts in by_cust.values() if len(ts) >= 3))
