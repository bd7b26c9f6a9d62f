#!/usr/bin/env python3
"""Independent reference implementation of the Bedrock What-If cost model.

Written from docs/cost-model.md (sections 1-8, 10 and, version 2 of the
page, 11-13: long context, escalation, the calendar) and
docs/scenario-format.md only, without reading the C++ core, so
the project can cross-check `bedrock-whatif evaluate SCENARIO --json` against
it (relative tolerance 1e-6).

Usage:
    python3 costmodel_reference.py SCENARIO.json --ratecard RATECARD.json \
        [--month N] [--scale X] [--forecast]

Python 3.11, standard library only. Clarity over speed: every formula is
written out literally, hour by hour, workload by workload.

Choices where the documents leave room are marked `# AMBIGUOUS:`.
The scenario is assumed valid (section 9 validation is not repeated here).
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import os
import sys

HOURS_PER_WEEK = 168
TIERS_STANDARD = "standard"
UNALLOCATED = "(unallocated)"
NO_TEAM = "(no team)"


# ---------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------

def opt(obj, key, default):
    """An optional field: absent or null means its default (section 10.12)."""
    if not isinstance(obj, dict):
        return default
    value = obj.get(key)
    return default if value is None else value


def deep_merge(base, override):
    """Objects merge recursively, any other value replaces (scenario-format.md)."""
    if isinstance(base, dict) and isinstance(override, dict):
        merged = copy.deepcopy(base)
        for key, value in override.items():
            if key in merged:
                merged[key] = deep_merge(merged[key], value)
            else:
                merged[key] = copy.deepcopy(value)
        return merged
    return copy.deepcopy(override)


def load_json(path):
    with open(path, "r", encoding="utf-8") as handle:
        return json.load(handle)


# ---------------------------------------------------------------------------
# Rate card (section 1)
# ---------------------------------------------------------------------------

def resolve_ratecard(scenario, scenario_path, builtin_path):
    """The rate card the scenario names, as the file gives it (price changes
    included). The month's card (card_in_month) merges the price changes in
    force and then the scenario's overrides (13.4.1); merging an override
    twice changes nothing, so a card with the overrides already applied gives
    the same months."""
    spec = scenario.get("ratecard", "builtin")
    if spec is None or spec == "builtin":
        card = load_json(builtin_path)
    elif isinstance(spec, str):
        folder = os.path.dirname(os.path.abspath(scenario_path))
        path = spec if os.path.isabs(spec) else os.path.join(folder, spec)
        card = load_json(path)
    else:
        card = copy.deepcopy(spec)
    # AMBIGUOUS: an override naming a model that is not in the card is a
    # validation matter; the reference ignores it (valid scenarios only).
    return card


# ---------------------------------------------------------------------------
# The calendar (section 13): the card as it stands in a calendar month
# ---------------------------------------------------------------------------

CHANGE_FIELDS = ("on_demand", "batch", "cache", "tiers", "long_context", "provisioned", "reserved")


def calendar_index(text):
    """"YYYY-MM" as a count of months, so that months add and compare."""
    year, month = text.split("-")
    return int(year) * 12 + int(month) - 1


def calendar_text(index):
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def calendar_start(scenario):
    """forecast.start_month as a month count; None: no calendar (13)."""
    start = (scenario.get("forecast") or {}).get("start_month")
    return None if start is None else calendar_index(start)


def calendar_month_of(scenario, month):
    start = calendar_start(scenario)
    return None if start is None else start + month


def card_in_month(card, scenario, month):
    """13.1, 13.3, 13.4.1: the base model, then its price changes in force in
    calendar month start + month in order of `effective` (ties in file
    order), then the scenario's ratecard_overrides. Without a calendar no
    price change applies (13)."""
    C = calendar_month_of(scenario, month)
    overrides = scenario.get("ratecard_overrides") or {}
    models = []
    for model in card.get("models", []):
        merged = {key: value for key, value in model.items() if key != "price_changes"}
        if C is not None:
            changes = list(enumerate(model.get("price_changes") or []))
            changes.sort(key=lambda pair: (calendar_index(pair[1]["effective"]), pair[0]))
            for _, change in changes:
                if calendar_index(change["effective"]) <= C:
                    # 13.4.5: only the seven fields merge; note and source are text.
                    partial = {key: change[key] for key in CHANGE_FIELDS if key in change}
                    merged = deep_merge(merged, partial)
        if model.get("id") in overrides:
            merged = deep_merge(merged, overrides[model["id"]])
        models.append(merged)
    out = dict(card)
    out["models"] = models
    return out


def retired(model, C):
    """13.2: from its end-of-life month on (only with a calendar)."""
    eol = model.get("end_of_life")
    return C is not None and eol is not None and calendar_index(eol) <= C


class RoutingError(ValueError):
    pass


def follow_successors(models, model_id, C):
    """The model that traffic named for model_id lands on in calendar month C:
    a retired model's successor, followed while it has itself retired
    (13.4.1); a missing or unknown successor, or a cycle, is an error."""
    chain = [model_id]
    current = model_id
    while retired(models[current], C):
        successor = models[current].get("successor")
        if successor is None or successor not in models:
            raise RoutingError(f"{current} retires in {models[current]['end_of_life']} "
                               f"without a successor in the card")
        if successor in chain:
            raise RoutingError("successor cycle " + " -> ".join(chain + [successor]))
        chain.append(successor)
        current = successor
    return current


def month_routing(workload, models, C):
    """13.4.1 for one workload: end-of-life moves, then escalation (12).

    Returns ({model: share}, [models whose traffic moved]). A share of 0 on a
    retired model is no traffic: it moves when it can and is dropped when it
    cannot (13.4.2 makes only remaining traffic an error).
    """
    shares = {}
    moved = []
    for model_id, share in (workload.get("routing") or {}).items():
        share = float(share)
        try:
            target = follow_successors(models, model_id, C)
        except RoutingError:
            if share > 0:
                raise
            continue
        shares[target] = shares.get(target, 0.0) + share
        if target != model_id and share > 0:
            moved.append(model_id)
    escalation = workload.get("escalation")
    if escalation is not None and float(escalation["rate"]) > 0:   # e = 0 changes nothing
        e = float(escalation["rate"])
        target = follow_successors(models, escalation["to"], C)
        s_b = shares.get(target, 0.0)
        shares[target] = s_b + e * (1.0 - s_b)
        if target != escalation["to"] and escalation["to"] not in moved:
            moved.append(escalation["to"])
    return shares, moved


def no_calendar_warning(scenario, card):
    """13.4.4: one warning when there is no start_month and a model the
    scenario sends traffic to has price_changes or an end_of_life."""
    if calendar_start(scenario) is not None:
        return None
    models = model_table(card)
    used = set()
    for workload in scenario.get("workloads", []):
        for model_id, share in (workload.get("routing") or {}).items():
            if float(share) > 0:
                used.add(model_id)
        escalation = workload.get("escalation")
        if escalation is not None and float(escalation["rate"]) > 0:
            used.add(escalation["to"])
    for model_id in sorted(used):
        model = models.get(model_id) or {}
        if model.get("price_changes") or model.get("end_of_life") is not None:
            return (f"{model_id} has price changes or an end of life, but the scenario has no "
                    f"forecast.start_month: the calendar does not apply")
    return None


def model_table(card):
    return {m["id"]: m for m in card["models"]}


def is_marketplace(model):
    return bool(opt(model, "marketplace", False))


def has_batch(model):
    return model.get("batch") is not None


def has_cache(model):
    return model.get("cache") is not None


def od_prices(model):
    od = model.get("on_demand") or {}
    return float(opt(od, "input_per_1m", 0.0)), float(opt(od, "output_per_1m", 0.0))


def batch_prices(model):
    b = model["batch"]
    return float(opt(b, "input_per_1m", 0.0)), float(opt(b, "output_per_1m", 0.0))


def cache_read_price(model):
    return float(opt(model["cache"], "read_per_1m", 0.0))


def cache_write_price(model, ttl):
    """c_w (5m) or c_w1h (1h). `write_per_1m: null` counts as 0 (10.10)."""
    cache = model["cache"]
    if ttl == "1h":
        # A valid scenario never routes a 1h-ttl workload to a model with cache
        # prices but no write_1h_per_1m (10.10: that is an error).
        return float(opt(cache, "write_1h_per_1m", 0.0))
    return float(opt(cache, "write_per_1m", 0.0))


def tier_multiplier(model, tier):
    """(multiplier, offered?) for a service tier; standard = 1."""
    if tier is None or tier == TIERS_STANDARD:
        return 1.0, True
    tiers = model.get("tiers") or {}
    mult = tiers.get(tier)
    if mult is None:
        return 1.0, False
    return float(mult), True


def pt_rate(model, term):
    """rate_tau, or None when the term has no rate.

    AMBIGUOUS: a rate of 0 is treated like a missing rate (the built-in card
    uses 0 for "not published").
    """
    prov = model.get("provisioned")
    if not prov:
        return None
    rates = prov.get("per_mu_hour") or {}
    rate = rates.get(term)
    if rate is None or float(rate) <= 0:
        return None
    return float(rate)


def pt_capable(model):
    """10.8: both capacities > 0 and at least one rate."""
    prov = model.get("provisioned")
    if not prov:
        return False
    cap_in = opt(prov, "input_tpm_per_mu", 0.0)
    cap_out = opt(prov, "output_tpm_per_mu", 0.0)
    if not (float(cap_in) > 0 and float(cap_out) > 0):
        return False
    return any(pt_rate(model, t) is not None for t in ("no_commit", "one_month", "six_month"))


def pt_capacities(model):
    prov = model["provisioned"]
    return float(prov["input_tpm_per_mu"]), float(prov["output_tpm_per_mu"])


def reserved_prices(model, term):
    res = model["reserved"][term]
    return float(opt(res, "input_per_1k_tpm_month", 0.0)), float(opt(res, "output_per_1k_tpm_month", 0.0))


def reserved_minimums(model):
    """10.9: minimums absent from the card are 0."""
    res = model.get("reserved") or {}
    return float(opt(res, "min_input_tpm", 0.0)), float(opt(res, "min_output_tpm", 0.0))


# ---------------------------------------------------------------------------
# Weekly profiles (section 5, 10.15)
# ---------------------------------------------------------------------------

def raw_profile(profile):
    if profile is None or profile == "flat":
        return [1.0] * HOURS_PER_WEEK
    if profile == "business_hours":
        weights = []
        for h in range(HOURS_PER_WEEK):
            day, hour = divmod(h, 24)          # hour 0 = Monday 00:00 UTC
            business = day <= 4 and 9 <= hour <= 17   # 09:00-17:59 Mon-Fri, 45 hours
            weights.append(4.0 if business else 1.0)
        return weights
    if profile == "diurnal":
        return [1.0 + 0.5 * math.cos(2.0 * math.pi * ((h % 24) - 14) / 24.0)
                for h in range(HOURS_PER_WEEK)]
    if isinstance(profile, dict) and "weekly" in profile:
        return [float(v) for v in profile["weekly"]]
    raise ValueError(f"unknown profile {profile!r}")


def profile_weights(profile):
    """168 weights divided by their own mean (mean 1)."""
    raw = raw_profile(profile)
    mean = sum(raw) / len(raw)
    return [v / mean for v in raw]


# ---------------------------------------------------------------------------
# Workload volume and token shape (sections 2 and 3)
# ---------------------------------------------------------------------------

def requests_in_month(workload, month, global_multiplier):
    """R_w(t) = requests_per_month x volume_multiplier x (1+growth)^t;
    the global slider multiplies every volume_multiplier."""
    requests = float(opt(workload, "requests_per_month", 0.0))
    vm = float(opt(workload, "volume_multiplier", 1.0)) * global_multiplier
    growth = float(opt(workload, "growth_per_month", 0.0))
    return requests * vm * (1.0 + growth) ** month


def token_shape(workload):
    tok = workload.get("tokens") or {}
    system = float(opt(tok, "system", 0.0))
    user = float(opt(tok, "user", 0.0))
    chunks = float(opt(tok, "retrieval_chunks", 0.0))
    per_chunk = float(opt(tok, "tokens_per_chunk", 0.0))
    history = float(opt(tok, "history", 0.0))
    n = float(opt(tok, "calls_per_request", 1.0))
    growth = float(opt(tok, "context_growth_per_call", 0.0))
    output = float(opt(tok, "output", 0.0))

    B = system + user + chunks * per_chunk + history
    I = n * B + growth * n * (n - 1.0) / 2.0
    O = n * output

    caching = workload.get("caching")
    P = float(opt(caching, "cacheable_prefix", 0.0))
    r = float(opt(caching, "hit_rate", 0.0))
    ttl = opt(caching, "ttl", "5m")
    return {"B": B, "n": n, "I": I, "O": O, "P": P, "r": r, "ttl": ttl}


# ---------------------------------------------------------------------------
# One (workload, model) line of traffic (sections 3 and 4)
# ---------------------------------------------------------------------------

class Line:
    """Everything about workload w's traffic on model m in one month."""

    def __init__(self, wi, workload, model_id, model, share, month, global_multiplier):
        self.wi = wi
        self.wid = workload["id"]
        self.team = workload.get("team")
        self.model_id = model_id
        self.share = float(share)
        self.weights = profile_weights(workload.get("profile", "flat"))

        shape = token_shape(workload)
        n, I, O, P, r = shape["n"], shape["I"], shape["O"], shape["P"], shape["r"]
        self.I = I
        self.O = O

        # Caching only on a model with cache prices.
        if has_cache(model):
            self.CR = n * r * P
            self.CW = n * (1.0 - r) * P
            self.UI = I - n * P
            c_r = cache_read_price(model)
            c_w = cache_write_price(model, shape["ttl"])
        else:
            self.CR = 0.0
            self.CW = 0.0
            self.UI = I
            c_r = 0.0
            c_w = 0.0

        p_in, p_out = od_prices(model)

        # Section 11, 13.4.7: a call whose mean input I/n is above the
        # threshold pays every input-side price times input_mult and every
        # output-side price times output_mult (never PT, reserved, load or demand).
        lc = model.get("long_context")
        self.long_context = lc is not None and I / n > float(lc["threshold_input_tokens"])
        mu_in = float(opt(lc, "input_mult", 1.0)) if self.long_context else 1.0
        mu_out = float(opt(lc, "output_mult", 1.0)) if self.long_context else 1.0
        p_in *= mu_in
        c_r *= mu_in
        c_w *= mu_in
        p_out *= mu_out
        tier = opt(workload, "service_tier", TIERS_STANDARD)
        self.tier = tier
        self.tier_mult, self.tier_offered = tier_multiplier(model, tier)

        R = requests_in_month(workload, month, global_multiplier)
        beta = float(opt(workload, "batch_share", 0.0))
        self.beta = beta
        self.R = R
        self.Q_rt = (1.0 - beta) * R * self.share
        self.Q_b = beta * R * self.share

        # Per-request on-demand charges, split as section 5b needs them.
        od_in_per_req = (self.UI * p_in + self.CW * c_w) * self.tier_mult / 1e6
        od_read_per_req = (self.CR * c_r) * self.tier_mult / 1e6
        od_out_per_req = (O * p_out) * self.tier_mult / 1e6

        # Real-time on-demand charge (the OD of section 4) and its parts.
        self.OD_in = self.Q_rt * od_in_per_req
        self.OD_read = self.Q_rt * od_read_per_req
        self.OD_out = self.Q_rt * od_out_per_req
        self.OD = self.Q_rt * (self.UI * p_in + self.CR * c_r + self.CW * c_w + O * p_out) * self.tier_mult / 1e6

        # Batch; on a model with batch: null the batch share falls back to the
        # full OD formula (10.5), counted as on-demand, never in PT/reserved.
        self.batch_available = has_batch(model)
        if self.batch_available:
            b_in, b_out = batch_prices(model)
            b_in *= mu_in
            b_out *= mu_out
            self.BATCH = self.Q_b * (I * b_in + O * b_out) / 1e6
            self.fallback_OD = 0.0
        else:
            self.BATCH = 0.0
            self.fallback_OD = self.Q_b * (self.UI * p_in + self.CR * c_r + self.CW * c_w + O * p_out) * self.tier_mult / 1e6

    # Tokens of 10.6: cache tokens only for requests billed with caching.
    def tokens(self):
        requests_all = self.Q_rt + self.Q_b
        cached_requests = self.Q_rt + (0.0 if self.batch_available else self.Q_b)
        return {
            "input": requests_all * self.I,
            "output": requests_all * self.O,
            "cache_read": cached_requests * self.CR,
            "cache_write": cached_requests * self.CW,
        }


def build_lines(scenario, models, month, global_multiplier):
    """One line per workload and model it sends traffic to in this month:
    the routing after end-of-life moves and escalation (13.4.1)."""
    C = calendar_month_of(scenario, month)
    lines = []
    for wi, workload in enumerate(scenario.get("workloads", [])):
        shares, _ = month_routing(workload, models, C)
        for model_id, share in shares.items():
            lines.append(Line(wi, workload, model_id, models[model_id], share, month, global_multiplier))
    return lines


def lines_on(lines, model_id):
    return [ln for ln in lines if ln.model_id == model_id]


# ---------------------------------------------------------------------------
# Provisioned throughput (section 5)
# ---------------------------------------------------------------------------

def pt_load(lines_m, cap_in, cap_out, H):
    """load(h) in MUs, from real-time traffic only (I, not UI)."""
    load = []
    for h in range(HOURS_PER_WEEK):
        total = 0.0
        for ln in lines_m:
            total += ln.weights[h] * ln.Q_rt * (ln.I / cap_in + ln.O / cap_out) / (60.0 * H)
        load.append(total)
    return load


def served_share(N, load_h):
    """f(h) = min(1, N / load(h)); 1 where the load is 0."""
    if load_h <= 0.0:
        return 1.0
    return min(1.0, N / load_h)


def pt_overflow(lines_m, load, N):
    """overflow = sum_h (1 - f(h)) * sum_w OD_wm * wt_w(h) / 168."""
    od_by_hour = hourly_od(lines_m, "OD")
    total = 0.0
    for h in range(HOURS_PER_WEEK):
        f = served_share(N, load[h])
        total += (1.0 - f) * od_by_hour[h]
    return total


def pt_cost(N, rate, H):
    return N * rate * H


def pt_floor_and_optimal(lines_m, load, rate, H):
    floor_units = int(math.floor(min(load)))
    best_n = 0
    best_cost = None
    for N in range(0, int(math.ceil(max(load))) + 1):
        cost = pt_cost(N, rate, H) + pt_overflow(lines_m, load, N)
        if best_cost is None or cost < best_cost:   # smallest N wins a tie
            best_cost = cost
            best_n = N
    return floor_units, best_n


def break_even_utilization(lines_m, load, rate, H):
    """u* = rate / (sum_w OD_wm / (mean_h load(h) * H)); null without real-time OD."""
    od_total = sum(ln.OD for ln in lines_m)
    mean_load = sum(load) / HOURS_PER_WEEK
    if od_total <= 0.0 or mean_load <= 0.0:
        return None
    return rate / (od_total / (mean_load * H))


def pt_sizing_term(scenario, model_id):
    """10.7: the term of the model's PT commitment (active or not), else one_month."""
    for c in scenario.get("provisioned") or []:
        if c["model"] == model_id:
            return c.get("term") or "one_month"
    return "one_month"


def sizing_rate(model, term):
    rate = pt_rate(model, term)
    if rate is None:
        # AMBIGUOUS: a PT-capable model without a rate for the sizing term
        # (e.g. only six_month quoted, no commitment): use the first quoted rate
        # in the order one_month, six_month, no_commit.
        for t in ("one_month", "six_month", "no_commit"):
            rate = pt_rate(model, t)
            if rate is not None:
                break
    return rate


def model_cost_difference(scenario, models, month, x, model_id, N, rate):
    """(cost with the commitment) - (cost without), at global multiplier x.

    Batch and the batch fallback are the same in both and cancel out; the
    difference is PT_cost + overflow - sum_w OD_wm. (The private-pricing
    discount scales both sides of one model alike, so it does not move the
    crossing.)
    """
    H = float(opt(scenario, "hours_per_month", 730.0))
    model = models[model_id]
    cap_in, cap_out = pt_capacities(model)
    lines_m = lines_on(build_lines(scenario, models, month, x), model_id)
    load = pt_load(lines_m, cap_in, cap_out, H)
    with_commit = pt_cost(N, rate, H) + pt_overflow(lines_m, load, N)
    without = sum(ln.OD for ln in lines_m)
    return with_commit - without


def break_even_volume_multiplier(scenario, models, month, model_id, N, rate):
    """Smallest global multiplier x in [0.01, 100] at which the model costs the
    same with and without the commitment (10.16).

    AMBIGUOUS: x is the absolute value of the global volume multiplier (it
    replaces --scale rather than multiplying it).
    AMBIGUOUS: the reference bisects to a relative 1e-12 (tighter than the
    doc's 1e-6) so that it stands for the exact crossing.
    """
    lo, hi = 0.01, 100.0
    d_lo = model_cost_difference(scenario, models, month, lo, model_id, N, rate)
    if d_lo <= 0.0:          # already cheaper (or equal) with the commitment
        # AMBIGUOUS: exactly equal at 0.01 also gives null.
        return None
    d_hi = model_cost_difference(scenario, models, month, hi, model_id, N, rate)
    if d_hi > 0.0:           # still dearer at 100
        return None
    # The difference does not increase with x; find the first x where it is <= 0.
    for _ in range(200):
        if hi - lo <= 1e-12 * hi:
            break
        mid = 0.5 * (lo + hi)
        if model_cost_difference(scenario, models, month, mid, model_id, N, rate) <= 0.0:
            hi = mid
        else:
            lo = mid
    return 0.5 * (lo + hi)


# ---------------------------------------------------------------------------
# Reserved tier (section 5b, 10.4)
# ---------------------------------------------------------------------------

def reserved_demand(lines_m, H):
    d_in, d_out = [], []
    for h in range(HOURS_PER_WEEK):
        tin = 0.0
        tout = 0.0
        for ln in lines_m:
            tin += ln.weights[h] * ln.Q_rt * (ln.UI + ln.CW) / (60.0 * H)
            tout += ln.weights[h] * ln.Q_rt * ln.O / (60.0 * H)
        d_in.append(tin)
        d_out.append(tout)
    return d_in, d_out


def reserved_share(R, D):
    """f = min(1, R / D); 1 where the demand is 0."""
    if D <= 0.0:
        return 1.0
    return min(1.0, R / D)


def hourly_od(lines_m, part):
    """sum_w OD_part,wm * wt_w(h) / 168 for each hour h ('OD', 'OD_in' or 'OD_out')."""
    out = []
    for h in range(HOURS_PER_WEEK):
        od_h = 0.0
        for ln in lines_m:
            od_h += getattr(ln, part) * ln.weights[h] / HOURS_PER_WEEK
        out.append(od_h)
    return out


def reserved_side_overflow(lines_m, demand, R, part, od_by_hour=None):
    """sum_h (1 - f(h)) * sum_w OD_part,wm * wt_w(h) / 168 for part 'OD_in' or 'OD_out'."""
    if od_by_hour is None:
        od_by_hour = hourly_od(lines_m, part)
    total = 0.0
    for h in range(HOURS_PER_WEEK):
        f = reserved_share(R, demand[h])
        total += (1.0 - f) * od_by_hour[h]
    return total


def reserved_side_utilization(demand, R):
    if R <= 0.0:
        return None
    return sum(min(d, R) for d in demand) / (HOURS_PER_WEEK * R)


def reserved_side_scan(lines_m, demand, minimum, price_per_1k, part):
    """10.4: multiples of 1,000 TPM from the smallest at or above the minimum to
    the first at or above peak demand; the smaller value wins a tie."""
    start = math.ceil(minimum / 1000.0) * 1000
    peak = max(demand)
    stop = max(start, math.ceil(peak / 1000.0) * 1000)
    od_by_hour = hourly_od(lines_m, part)   # computed once; the scan is 168 terms per step
    best_R, best_cost = None, None
    R = start
    while R <= stop:
        cost = R / 1000.0 * price_per_1k + reserved_side_overflow(lines_m, demand, R, part, od_by_hour)
        if best_cost is None or cost < best_cost:
            best_R, best_cost = R, cost
        R += 1000
    return best_R, best_cost


def reserved_floor(demand, minimum):
    """min over h of demand, rounded down to 1,000, raised to the minimum."""
    down = math.floor(min(demand) / 1000.0) * 1000
    return max(down, minimum)


def as_number(v):
    """Print whole numbers as integers (TPM, MU counts)."""
    if isinstance(v, float) and v.is_integer():
        return int(v)
    return v


# ---------------------------------------------------------------------------
# Evaluate one month
# ---------------------------------------------------------------------------

TERM_MONTHS = {"no_commit": 0, "one_month": 1, "six_month": 6, "three_month": 3}


def charged_in(c, month):
    """13.6: from start_month on; with "auto_renew": false only until the
    end of its first term (no_commit has no term and runs until deleted)."""
    start = int(opt(c, "start_month", 0))
    if month < start:
        return False
    length = TERM_MONTHS[opt(c, "term", "one_month")]
    if opt(c, "auto_renew", True) is False and length > 0:
        return month < start + length
    return True


def active_commitments(scenario, month):
    pts = [c for c in (scenario.get("provisioned") or []) if charged_in(c, month)]
    res = [c for c in (scenario.get("reserved") or []) if charged_in(c, month)]
    return pts, res


def evaluate(scenario, card, month=0, scale=1.0, totals_only=False):
    base_card = card
    card = card_in_month(base_card, scenario, month)    # 13.3
    models = model_table(card)
    C = calendar_month_of(scenario, month)
    H = float(opt(scenario, "hours_per_month", 730.0))
    workloads = scenario.get("workloads", [])
    lines = build_lines(scenario, models, month, scale)
    warnings = []

    # 13.4.4: the calendar is unused without forecast.start_month.
    warning = no_calendar_warning(scenario, base_card)
    if warning:
        warnings.append(warning)
    # 13.2, 13.4.3: one warning per workload and model whose traffic moved,
    # every month at or after the end of life.
    for wi, workload in enumerate(workloads):
        _, moved = month_routing(workload, models, C)
        for model_id in moved:
            warnings.append(
                f"workloads[{wi}] ({workload['id']}): {model_id} reached its end of life in "
                f"{models[model_id]['end_of_life']}; its traffic moves to "
                f"{follow_successors(models, model_id, C)}")

    # Warnings (4, 10.5, 10.11).
    # AMBIGUOUS: a warning is given only for a routed share > 0 (and, for the
    # batch fallback, a batch share > 0); one per (workload, model).
    for ln in lines:
        if ln.share > 0 and ln.beta > 0 and not ln.batch_available:
            warnings.append(
                f"workloads[{ln.wi}] ({ln.wid}): batch share on model {ln.model_id} which has no batch "
                f"price; billed as on-demand")
        if ln.share > 0 and not ln.tier_offered:
            warnings.append(
                f"workloads[{ln.wi}] ({ln.wid}): service tier '{ln.tier}' is not offered by model "
                f"{ln.model_id}; billed at standard")

    pts, ress = active_commitments(scenario, month)
    committed = {c["model"]: ("pt", c) for c in pts}
    committed.update({c["model"]: ("res", c) for c in ress})

    by_mode = {"on_demand": 0.0, "batch": 0.0, "provisioned": 0.0, "reserved": 0.0}
    # AMBIGUOUS: by_model lists every model named in a routing (even with share
    # 0) and every model with an active commitment.
    by_model = {}
    for ln in lines:
        by_model.setdefault(ln.model_id, 0.0)
    for mid in committed:
        by_model.setdefault(mid, 0.0)
    by_workload = {w["id"]: 0.0 for w in workloads}
    unallocated = 0.0

    def charge(mode, model_id, workload_id, amount):
        nonlocal unallocated
        by_mode[mode] += amount
        by_model[model_id] = by_model.get(model_id, 0.0) + amount
        if workload_id is None:
            unallocated += amount
        else:
            by_workload[workload_id] += amount

    # Charges that do not depend on commitments: batch and the batch fallback.
    for ln in lines:
        charge("batch", ln.model_id, ln.wid, ln.BATCH)
        charge("on_demand", ln.model_id, ln.wid, ln.fallback_OD)

    # Real-time traffic on models without an active commitment.
    for ln in lines:
        if ln.model_id not in committed:
            charge("on_demand", ln.model_id, ln.wid, ln.OD)

    provisioned_out = []
    for c in pts:
        mid = c["model"]
        model = models[mid]
        N = float(c["model_units"])
        term = c.get("term") or "one_month"
        rate = pt_rate(model, term)
        cap_in, cap_out = pt_capacities(model)
        lines_m = lines_on(lines, mid)
        load = pt_load(lines_m, cap_in, cap_out, H)
        fixed = pt_cost(N, rate, H)
        f = [served_share(N, load[h]) for h in range(HOURS_PER_WEEK)]

        # Overflow, each workload's own hourly OD x (1 - f).
        overflow_total = 0.0
        for ln in lines_m:
            own = 0.0
            for h in range(HOURS_PER_WEEK):
                own += (1.0 - f[h]) * ln.OD * ln.weights[h] / HOURS_PER_WEEK
            overflow_total += own
            charge("on_demand", mid, ln.wid, own)

        # Fixed charge split by MU-hours served for each workload (10.1).
        served = {}
        for ln in lines_m:
            s = 0.0
            for h in range(HOURS_PER_WEEK):
                s += f[h] * ln.weights[h] * ln.Q_rt * (ln.I / cap_in + ln.O / cap_out) / (60.0 * H)
            served[ln.wid] = served.get(ln.wid, 0.0) + s
        served_total = sum(served.values())
        if served_total > 0.0:
            for wid, s in served.items():
                charge("provisioned", mid, wid, fixed * s / served_total)
        else:
            charge("provisioned", mid, None, fixed)

        utilization = sum(min(load[h], N) for h in range(HOURS_PER_WEEK)) / (HOURS_PER_WEEK * N)
        entry = {
            "model": mid,
            "model_units": as_number(N),
            "term": term,
            "cost_usd": fixed,
            "overflow_usd": overflow_total,
            "utilization": utilization,
            "break_even_utilization": break_even_utilization(lines_m, load, rate, H),
        }
        if not totals_only:
            entry["break_even_volume_multiplier"] = break_even_volume_multiplier(
                scenario, models, month, mid, N, rate)
            floor_units, optimal_units = pt_floor_and_optimal(lines_m, load, rate, H)
            entry["floor_model_units"] = floor_units
            entry["optimal_model_units"] = optimal_units
        provisioned_out.append(entry)

    reserved_out = []
    for c in ress:
        mid = c["model"]
        model = models[mid]
        term = c.get("term") or "one_month"
        R_in = float(opt(c, "input_tpm", 0.0))
        R_out = float(opt(c, "output_tpm", 0.0))
        rho_in, rho_out = reserved_prices(model, term)
        min_in, min_out = reserved_minimums(model)
        lines_m = lines_on(lines, mid)
        d_in, d_out = reserved_demand(lines_m, H)
        f_in = [reserved_share(R_in, d_in[h]) for h in range(HOURS_PER_WEEK)]
        f_out = [reserved_share(R_out, d_out[h]) for h in range(HOURS_PER_WEEK)]
        charge_in = R_in / 1000.0 * rho_in
        charge_out = R_out / 1000.0 * rho_out

        overflow_total = 0.0
        for ln in lines_m:
            own = 0.0
            for h in range(HOURS_PER_WEEK):
                own += ((1.0 - f_in[h]) * ln.OD_in * ln.weights[h]
                        + (1.0 - f_out[h]) * ln.OD_out * ln.weights[h]) / HOURS_PER_WEEK
            overflow_total += own
            charge("on_demand", mid, ln.wid, own)
            # Cache reads are billed at c_r as usual (on-demand).
            charge("on_demand", mid, ln.wid, ln.OD_read)

        served_in, served_out = {}, {}
        for ln in lines_m:
            si = so = 0.0
            for h in range(HOURS_PER_WEEK):
                si += f_in[h] * ln.weights[h] * ln.Q_rt * (ln.UI + ln.CW) / (60.0 * H)
                so += f_out[h] * ln.weights[h] * ln.Q_rt * ln.O / (60.0 * H)
            served_in[ln.wid] = served_in.get(ln.wid, 0.0) + si
            served_out[ln.wid] = served_out.get(ln.wid, 0.0) + so
        for amount, served in ((charge_in, served_in), (charge_out, served_out)):
            total = sum(served.values())
            if total > 0.0:
                for wid, s in served.items():
                    charge("reserved", mid, wid, amount * s / total)
            else:
                charge("reserved", mid, None, amount)

        entry = {
            "model": mid,
            "input_tpm": as_number(R_in),
            "output_tpm": as_number(R_out),
            "term": term,
            "cost_usd": charge_in + charge_out,
            "overflow_usd": overflow_total,
            "utilization_input": reserved_side_utilization(d_in, R_in),
            "utilization_output": reserved_side_utilization(d_out, R_out),
        }
        if not totals_only:
            best_in, cost_in = reserved_side_scan(lines_m, d_in, min_in, rho_in, "OD_in")
            best_out, cost_out = reserved_side_scan(lines_m, d_out, min_out, rho_out, "OD_out")
            cost_zero = (reserved_side_overflow(lines_m, d_in, 0.0, "OD_in")
                         + reserved_side_overflow(lines_m, d_out, 0.0, "OD_out"))
            if cost_zero <= cost_in + cost_out:      # (0, 0) wins a tie
                best_in, best_out = 0, 0
            entry["optimal_input_tpm"] = as_number(float(best_in))
            entry["optimal_output_tpm"] = as_number(float(best_out))
            if retired(model, C):
                # 13.4.6: a commitment on a retired model: floor and optimum 0.
                entry["floor_input_tpm"] = 0
                entry["floor_output_tpm"] = 0
            else:
                entry["floor_input_tpm"] = as_number(float(reserved_floor(d_in, min_in)))
                entry["floor_output_tpm"] = as_number(float(reserved_floor(d_out, min_out)))
        reserved_out.append(entry)

    # Sizing for every PT-capable model with real-time traffic (section 5, 10.7).
    # AMBIGUOUS: "carries real-time traffic" = some Q_rt > 0 on it; entries in
    # rate-card order.
    sizing_out = []
    if not totals_only:
        for model in card["models"]:
            mid = model["id"]
            if not pt_capable(model):
                continue
            lines_m = lines_on(lines, mid)
            if not any(ln.Q_rt > 0.0 for ln in lines_m):
                continue
            rate = sizing_rate(model, pt_sizing_term(scenario, mid))
            cap_in, cap_out = pt_capacities(model)
            load = pt_load(lines_m, cap_in, cap_out, H)
            floor_units, optimal_units = pt_floor_and_optimal(lines_m, load, rate, H)
            sizing_out.append({
                "model": mid,
                "floor_model_units": floor_units,
                "optimal_model_units": optimal_units,
                "mean_load_mu": sum(load) / HOURS_PER_WEEK,
                "peak_load_mu": max(load),
            })

    # Teams.
    by_team = {}
    for w in workloads:
        team = w.get("team")
        # AMBIGUOUS: an empty team string counts as no team.
        key = team if team else NO_TEAM
        by_team[key] = by_team.get(key, 0.0) + by_workload[w["id"]]
    # AMBIGUOUS: the "(unallocated)" key is present only when some charge > 0 went to it.
    if unallocated > 0.0:
        by_workload[UNALLOCATED] = unallocated
        by_team[UNALLOCATED] = unallocated

    gross = sum(by_mode.values())

    # Private pricing (section 6, 10.2, 10.17).
    agreement = scenario.get("agreement")
    discount_usd = 0.0
    commit_retired = 0.0
    if agreement:
        d = float(opt(agreement, "discount", 0.0))
        applies_mkt = bool(opt(agreement, "discount_applies_to_marketplace", False))
        cap_share = float(opt(agreement, "marketplace_cap_share", 0.25))
        annual = float(opt(agreement, "annual_commit_usd", 0.0))
        net_mkt = 0.0
        net_other = 0.0
        for mid, amount in by_model.items():
            mkt = is_marketplace(models[mid])
            disc = d * amount if (not mkt or applies_mkt) else 0.0
            discount_usd += disc
            if mkt:
                net_mkt += amount - disc
            else:
                net_other += amount - disc
        # AMBIGUOUS: an agreement without annual_commit_usd (or 0) retires nothing.
        # AMBIGUOUS: the month's retirement is not capped by what remains of the
        # annual commit.
        if annual > 0.0:
            commit_retired = net_other + min(net_mkt, cap_share * annual / 12.0)

    tokens = {"input": 0.0, "output": 0.0, "cache_read": 0.0, "cache_write": 0.0}
    for ln in lines:
        for k, v in ln.tokens().items():
            tokens[k] += v
    requests = sum(requests_in_month(w, month, scale) for w in workloads)

    # Section 11: the pairs billed at long-context prices, share > 0 (13.4.7).
    long_context = sorted(f"{ln.wid} {ln.model_id}" for ln in lines if ln.share > 0 and ln.long_context)

    result = {
        "scenario": scenario.get("name", ""),
        "month": month,
        "ratecard_as_of": card.get("as_of"),
        "gross_usd": gross,
        "discount_usd": discount_usd,
        "net_usd": gross - discount_usd,
        "by_mode": by_mode,
        "by_model": by_model,
        "by_workload": by_workload,
        "by_team": by_team,
        "tokens": tokens,
        "requests": requests,
        "provisioned": provisioned_out,
        "reserved": reserved_out,
        "sizing": sizing_out,
        "commit_retired_usd": commit_retired,
        "calendar_month": None if C is None else calendar_text(C),
        "long_context": long_context,
        "warnings": warnings,
    }
    if not totals_only:
        result["escalations"] = escalation_break_evens(scenario, base_card, month, scale)
    return result


# ---------------------------------------------------------------------------
# The exception path's break-even (the project's addition to section 12)
# ---------------------------------------------------------------------------

def escalation_break_evens(scenario, card, month, scale):
    """Per workload with an escalation: the rate e* at which the month's net
    cost of the whole scenario equals that of the scenario with the
    workload routed 100% to the escalation target and no escalation; None
    when the policy never pays (e = 0 already costs as much) or no e in
    [0, 1] reaches it. Bisection: net cost does not fall as e rises."""
    out = []
    for wi, workload in enumerate(scenario.get("workloads", [])):
        escalation = workload.get("escalation")
        if escalation is None:
            continue
        premium = copy.deepcopy(scenario)
        premium["workloads"][wi]["routing"] = {escalation["to"]: 1.0}
        del premium["workloads"][wi]["escalation"]
        all_premium = evaluate(premium, card, month, scale, totals_only=True)["net_usd"]

        def gap(e):
            trial = copy.deepcopy(scenario)
            trial["workloads"][wi]["escalation"]["rate"] = e
            return evaluate(trial, card, month, scale, totals_only=True)["net_usd"] - all_premium

        # AMBIGUOUS: costs within 1e-12 (relative) of the all-premium cost count
        # as equal, so a workload already all on the target (every e costs
        # the same, up to rounding) never pays, and e* = 1 stays 1.
        tolerance = 1e-12 * abs(all_premium)
        break_even = None
        at_zero, at_one = gap(0.0), gap(1.0)
        if at_zero < -tolerance and at_one >= -tolerance:
            lo, hi = 0.0, 1.0
            if at_one < 0:
                lo = hi = 1.0
            while hi - lo > 1e-10:
                mid = 0.5 * (lo + hi)
                if gap(mid) < 0:
                    lo = mid
                else:
                    hi = mid
            break_even = 0.5 * (lo + hi)
        out.append({"workload": workload["id"], "to": escalation["to"],
                    "rate": float(escalation["rate"]), "break_even_rate": break_even,
                    "all_premium_net_usd": all_premium})
    return out


# ---------------------------------------------------------------------------
# Forecast (section 8)
# ---------------------------------------------------------------------------

def forecast(scenario, card, scale=1.0):
    fc = scenario.get("forecast") or {}
    months = int(opt(fc, "months", 12))
    p10 = fc.get("volume_p10")
    p90 = fc.get("volume_p90")
    out = []
    for t in range(months):
        r = evaluate(scenario, card, t, scale, totals_only=True)
        row = {
            "month": t,
            "calendar_month": r["calendar_month"],
            "gross_usd": r["gross_usd"],
            "discount_usd": r["discount_usd"],
            "net_usd": r["net_usd"],
            "commit_retired_usd": r["commit_retired_usd"],
        }
        if p10 is not None and p90 is not None:
            # AMBIGUOUS: the fan's multiplier is the absolute global multiplier
            # (it replaces --scale).
            p50 = math.sqrt(float(p10) * float(p90))
            row["net_p10_usd"] = evaluate(scenario, card, t, float(p10), totals_only=True)["net_usd"]
            row["net_p50_usd"] = evaluate(scenario, card, t, p50, totals_only=True)["net_usd"]
            row["net_p90_usd"] = evaluate(scenario, card, t, float(p90), totals_only=True)["net_usd"]
        out.append(row)
    return {"months": out}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("scenario")
    parser.add_argument("--ratecard", required=True, help="the rate card used for \"ratecard\": \"builtin\"")
    parser.add_argument("--month", type=int, default=0)
    parser.add_argument("--scale", type=float, default=1.0, help="global volume multiplier")
    parser.add_argument("--forecast", action="store_true")
    args = parser.parse_args(argv)

    scenario = load_json(args.scenario)
    card = resolve_ratecard(scenario, args.scenario, args.ratecard)
    if args.forecast:
        result = forecast(scenario, card, args.scale)
    else:
        result = evaluate(scenario, card, args.month, args.scale)
    json.dump(result, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
