#!/usr/bin/env python3
"""The pandas baseline of `npm run bench`: the same work as the workbench stages, the usual notebook way.

  rfm-cohorts FILE  read the CSV, drop rows without customer/date/amount or with amount 0 and exact
                    duplicates, RFM per customer (recency days, distinct orders, net revenue, 1-5 quintile
                    scores), monthly cohort retention counts
  notebook FILE     the same plus k-means (k = 4, log-scaled standardised R/F/M, all customers) and a
                    silhouette on a 10,000-customer sample, as an analyst's pandas + scikit-learn notebook does
Prints one JSON line: {"stage", "rows", "seconds", "peakRssMb", "note"}.
"""
import json
import resource
import sys
import time

import numpy as np
import pandas as pd

mode, path = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
# every column is read: exact duplicates are rows equal in all of them, as in the workbench's loader
df = pd.read_csv(path, dtype={"customer_id": "string", "order_id": "string"}, parse_dates=["order_date"])
df = df.dropna(subset=["customer_id", "order_date", "amount"])
df = df[df["amount"] != 0].drop_duplicates()
as_of = df["order_date"].max().normalize() + pd.Timedelta(days=1)
g = df.groupby("customer_id")
cust = pd.DataFrame({
    "recency": (as_of - g["order_date"].max()).dt.days,
    "frequency": g["order_id"].nunique(),
    "monetary": g["amount"].sum(),
})
for col, sign in (("recency", -1), ("frequency", 1), ("monetary", 1)):
    cust[col[0] + "_score"] = pd.qcut((sign * cust[col]).rank(method="min"), 5, labels=False, duplicates="drop") + 1
first = g["order_date"].min().dt.to_period("M").rename("cohort")
m = df[["customer_id", "order_date"]].join(first, on="customer_id")
m["k"] = (m["order_date"].dt.to_period("M") - m["cohort"]).apply(lambda d: d.n)
cohorts = m.groupby(["cohort", "k"])["customer_id"].nunique()
note = f"{len(cust)} customers, {len(cohorts)} cohort cells"
if mode == "notebook":
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score
    from sklearn.preprocessing import StandardScaler
    X = StandardScaler().fit_transform(np.log1p(cust[["recency", "frequency"]].clip(lower=0).assign(
        monetary=cust["monetary"].clip(lower=0))))
    km = KMeans(n_clusters=4, n_init=4, random_state=1).fit(X)
    sil = silhouette_score(X, km.labels_, sample_size=10000, random_state=1)
    note += f", k-means inertia {km.inertia_:.0f}, silhouette {sil:.3f}"
seconds = time.perf_counter() - t0
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
print(json.dumps({"stage": f"pandas-{mode}", "rows": int(len(df)), "seconds": seconds, "peakRssMb": int(peak), "note": note}))
