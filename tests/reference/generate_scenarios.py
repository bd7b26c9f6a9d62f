#!/usr/bin/env python3
"""Write random but valid Bedrock What-If scenarios for cross-checking.

Usage:
    python3 generate_scenarios.py OUTDIR --count N --seed S --ratecard RATECARD.json

Every scenario uses "ratecard": "builtin" (the RATECARD.json given, which the
cross-check then hands to both the C++ program's built-in card and to
costmodel_reference.py --ratecard). Provisioned-throughput and Reserved-tier
quotes the card lacks are supplied through "ratecard_overrides", sized from the
scenario's own traffic so that commitments show heavy overflow, idle capacity
or something in between.

Over a run the scenarios exercise: 1-6 workloads; agent chains (fractional
calls_per_request, context growth); fractional token counts; caching with 5m
and 1h ttl (1h only where every routed model with cache prices has a 1-hour
write price); batch shares on models with and without batch prices; service
tiers, offered or not; every profile kind including explicit weekly arrays;
teams and workloads without one; growth; volume multipliers; agreements with
and without the marketplace discount; PT commitments and reservations,
including ones that start after month 0 and empty (0, 0) reservations; at most
one commitment per model. Version 2 of the cost model (sections 11-13): a
calendar (forecast.start_month), long-context pricing whose threshold falls
between the workloads' mean inputs per call, escalation to a routed or an
unrouted model, and, on an inline copy of the card, price changes (listed out
of order, ties in one month, before the start and inside the forecast) and
ends of life with successors (chains, a retired escalation target,
commitments on retiring models); a scenario whose calendar would leave
traffic without a successor or a commitment unpriced is drawn again without
ends of life. A coverage summary goes to stderr.

Python 3.11, standard library only.
"""

from __future__ import annotations

import argparse
import copy
import json
import math
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import costmodel_reference as ref  # noqa: E402  (only for token shapes and OD per line)

TEAMS = ["Customer Experience", "Search", "Analytics", "Platform", "Legal Ops"]
PROFILES = ["flat", "business_hours", "diurnal", "weekly", None]
TIERS = ["standard", "priority", "flex", None]


def usable_models(card):
    """Models that can be routed to: on-demand input and output prices exist."""
    out = []
    for m in card["models"]:
        od = m.get("on_demand") or {}
        if isinstance(od.get("input_per_1m"), (int, float)) and isinstance(od.get("output_per_1m"), (int, float)):
            out.append(m)
    return out


def log_uniform(rng, lo, hi):
    return math.exp(rng.uniform(math.log(lo), math.log(hi)))


def maybe_fraction(rng, value, p=0.3):
    """Sometimes make a count fractional."""
    if rng.random() < p:
        return round(value + rng.random(), 3)
    return value


def random_shares(rng, k):
    if k == 1:
        return [1.0]
    raw = [rng.uniform(0.1, 1.0) for _ in range(k)]
    total = sum(raw)
    shares = [round(v / total, 3) for v in raw[:-1]]
    last = round(1.0 - sum(shares), 3)
    if last < 0:
        return random_shares(rng, k)
    return shares + [last]


def random_weekly(rng):
    kind = rng.random()
    if kind < 0.3:   # spiky: a few busy hours
        w = [round(rng.uniform(0.0, 0.5), 3) for _ in range(168)]
        for _ in range(rng.randint(1, 12)):
            w[rng.randrange(168)] = round(rng.uniform(5, 30), 3)
        return w
    if kind < 0.6:   # night batch-like, with zero hours
        return [0 if (h % 24) < 8 else round(rng.uniform(0.5, 3.0), 2) for h in range(168)]
    return [round(rng.uniform(0.2, 5.0), 4) for _ in range(168)]


def make_workload(rng, index, pool, models):
    w = {"id": f"wl-{index + 1}", "name": f"Workload {index + 1}"}
    team_roll = rng.random()
    if team_roll < 0.6:
        w["team"] = rng.choice(TEAMS[:3])
    elif team_roll < 0.7:
        w["team"] = None
    # else: no team key at all

    w["requests_per_month"] = maybe_fraction(rng, int(log_uniform(rng, 2_000, 1_500_000)), 0.2)
    if rng.random() < 0.6:
        w["volume_multiplier"] = rng.choice([1.0, round(rng.uniform(0.3, 5.0), 3)])
    if rng.random() < 0.6:
        w["growth_per_month"] = round(rng.uniform(-0.05, 0.12), 4)

    calls = 1
    if rng.random() < 0.4:
        calls = rng.choice([2, 3, round(rng.uniform(1.0, 4.5), 2)])
    tokens = {
        "system": maybe_fraction(rng, rng.randint(0, 2000)),
        "user": maybe_fraction(rng, rng.randint(10, 500)),
        "retrieval_chunks": rng.randint(0, 8),
        "tokens_per_chunk": maybe_fraction(rng, rng.randint(100, 600)),
        "history": maybe_fraction(rng, rng.randint(0, 1500)),
        "output": maybe_fraction(rng, rng.randint(20, 1000)),
    }
    if calls != 1 or rng.random() < 0.5:
        tokens["calls_per_request"] = calls
    if calls != 1 and rng.random() < 0.8:
        tokens["context_growth_per_call"] = maybe_fraction(rng, rng.randint(50, 900))
    for key in list(tokens):
        if key != "calls_per_request" and rng.random() < 0.08:
            del tokens[key]    # optional fields default to 0
    w["tokens"] = tokens

    k = rng.choice([1, 1, 2, 2, 3])
    routed = rng.sample(pool, min(k, len(pool)))
    w["routing"] = {m["id"]: s for m, s in zip(routed, random_shares(rng, len(routed)))}

    if rng.random() < 0.65:
        shape = ref.token_shape(w | {"caching": None})
        B = shape["B"]
        prefix = round(B * rng.uniform(0.0, 1.0), 2) if rng.random() < 0.8 else tokens.get("system", 0)
        prefix = min(prefix, B)
        caching = {"cacheable_prefix": prefix, "hit_rate": round(rng.uniform(0, 1), 3)}
        cached_models = [models[mid] for mid in w["routing"] if models[mid].get("cache") is not None]
        allow_1h = all((m["cache"] or {}).get("write_1h_per_1m") is not None for m in cached_models)
        roll = rng.random()
        if allow_1h and roll < 0.5:
            caching["ttl"] = "1h"
        elif roll < 0.8:
            caching["ttl"] = "5m"
        w["caching"] = caching

    roll = rng.random()
    if roll < 0.35:
        w["batch_share"] = round(rng.uniform(0.05, 0.9), 3)
    elif roll < 0.45:
        w["batch_share"] = rng.choice([0.0, 1.0])

    tier = rng.choice(TIERS)
    if tier is not None:
        w["service_tier"] = tier

    profile = rng.choice(PROFILES)
    if profile == "weekly":
        w["profile"] = {"weekly": random_weekly(rng)}
    elif profile is not None:
        w["profile"] = profile
    return w


def model_traffic(scenario, models, model_id, H):
    """Month-0 real-time traffic on a model: mean input TPM (I), output TPM,
    reserved input TPM (UI+CW), and the on-demand USD split, from the reference."""
    lines = [ln for ln in ref.build_lines(scenario, models, 0, 1.0) if ln.model_id == model_id]
    t = {"in_tpm": 0.0, "out_tpm": 0.0, "res_in_tpm": 0.0, "od": 0.0, "od_in": 0.0, "od_out": 0.0,
         "q_rt": 0.0}
    for ln in lines:
        t["in_tpm"] += ln.Q_rt * ln.I / (60 * H)
        t["out_tpm"] += ln.Q_rt * ln.O / (60 * H)
        t["res_in_tpm"] += ln.Q_rt * (ln.UI + ln.CW) / (60 * H)
        t["od"] += ln.OD
        t["od_in"] += ln.OD_in
        t["od_out"] += ln.OD_out
        t["q_rt"] += ln.Q_rt
    return t


def clamp(value, lo, hi):
    return max(lo, min(hi, value))


def clamp(value, lo, hi):
    return max(lo, min(hi, value))


def round_sig(value, digits=3):
    if value <= 0:
        return value
    return round(value, -int(math.floor(math.log10(value))) + digits - 1)


def pt_override(rng, scenario, models, mid, H, scale_traffic):
    """A plausible PT quote for model mid: a rate of $3-$120 per MU-hour, and
    MU capacities set so that the break-even utilization u* against this
    traffic's on-demand price is 0.25-1.3 (cheap models get big MUs, dear
    ones small). With scale_traffic, the requests of the workloads routed to
    the model are raised so the mean load reaches an aimed L of 0.4-12 MUs
    (otherwise small workloads sit far below 1 MU)."""
    traffic = model_traffic(scenario, models, mid, H)
    L = log_uniform(rng, 0.4, 12.0)
    one_month = round(log_uniform(rng, 3.0, 120.0), 2)
    if traffic["in_tpm"] > 0 and traffic["out_tpm"] > 0 and traffic["od"] > 0:
        cap_in0 = traffic["in_tpm"]
        cap_out0 = traffic["out_tpm"] * rng.uniform(0.5, 2.0)
        v0 = traffic["od"] / ((traffic["in_tpm"] / cap_in0 + traffic["out_tpm"] / cap_out0) * H)
        k = one_month / rng.uniform(0.25, 1.3) / v0
        cap_in = int(round_sig(clamp(cap_in0 * k, 1_000, 5_000_000)))
        cap_out = int(round_sig(clamp(cap_out0 * k, 100, 1_000_000)))
    else:
        cap_in = rng.choice([25_000, 50_000, 100_000])
        cap_out = cap_in // rng.choice([5, 10])
    load = traffic["in_tpm"] / cap_in + traffic["out_tpm"] / cap_out
    if scale_traffic and 0 < load < L / 3:
        factor = min(L / load, 2000.0)
        for w in scenario["workloads"]:
            if mid in w["routing"] and w["routing"][mid] > 0:
                w["requests_per_month"] = round(min(w["requests_per_month"] * factor, 5e7), 2)
        traffic = model_traffic(scenario, models, mid, H)
        load = traffic["in_tpm"] / cap_in + traffic["out_tpm"] / cap_out

    rates = {"one_month": one_month}
    if rng.random() < 0.6:
        rates["no_commit"] = round(one_month * 1.2, 2)
    if rng.random() < 0.7:
        rates["six_month"] = round(one_month * 0.8, 2)
    existing = models[mid].get("provisioned")
    if existing and isinstance(existing.get("per_mu_hour"), dict):
        # a term the card prices but we did not quote must not keep a stale figure
        for term in ("no_commit", "six_month"):
            if term not in rates and existing["per_mu_hour"].get(term) not in (None, 0):
                rates[term] = round(one_month * (1.2 if term == "no_commit" else 0.8), 2)
    prov = {"per_mu_hour": rates, "input_tpm_per_mu": cap_in, "output_tpm_per_mu": cap_out,
            "estimate": True, "note": "random quote (test)"}
    return prov, load


def reserved_override(rng, traffic):
    mins = rng.choice([(100_000, 10_000), (0, 0), (20_000, 2_000), None])
    if mins is None:
        mins = (int(round(traffic["res_in_tpm"] * rng.uniform(0.2, 1.0), -3)),
                int(round(traffic["out_tpm"] * rng.uniform(0.2, 1.0), -3)))
    prices = {}
    for term, factor in (("one_month", 1.0), ("three_month", 0.9)):
        if traffic["res_in_tpm"] > 0 and traffic["od_in"] > 0:
            rho_in = 1000 * traffic["od_in"] / traffic["res_in_tpm"] * rng.uniform(0.25, 1.2) * factor
        else:
            rho_in = rng.uniform(5, 100)
        if traffic["out_tpm"] > 0 and traffic["od_out"] > 0:
            rho_out = 1000 * traffic["od_out"] / traffic["out_tpm"] * rng.uniform(0.25, 1.2) * factor
        else:
            rho_out = rng.uniform(20, 500)
        # plausible USD per 1,000 TPM per month, near the on-demand value of that capacity
        prices[term] = {"input_per_1k_tpm_month": round(clamp(rho_in, 0.5, 2000.0), 4),
                        "output_per_1k_tpm_month": round(clamp(rho_out, 2.0, 10000.0), 4)}
    res = dict(prices)
    res["min_input_tpm"] = mins[0]
    res["min_output_tpm"] = mins[1]
    res["estimate"] = True
    return res


def make_scenario(rng, index, card):
    usable = usable_models(card)
    pool = rng.sample(usable, min(len(usable), rng.randint(2, 5)))
    scenario = {
        "format": "bedrock-whatif-scenario",
        "version": 1,
        "name": f"random scenario {index:04d}",
        "ratecard": "builtin",
    }
    roll = rng.random()
    if roll < 0.6:
        scenario["hours_per_month"] = 730
    elif roll < 0.8:
        scenario["hours_per_month"] = rng.choice([720, 744, 672])
    H = float(scenario.get("hours_per_month", 730))

    overrides = {}
    # Occasionally a negotiated on-demand price, to exercise field-by-field merging.
    if rng.random() < 0.2:
        m = rng.choice(pool)
        overrides[m["id"]] = {"on_demand": {"input_per_1m": round(m["on_demand"]["input_per_1m"] * 0.9, 6)},
                              "note": "negotiated rate (test)"}

    base_models = ref.model_table(card)
    models = {mid: (ref.deep_merge(m, overrides[mid]) if mid in overrides else m)
              for mid, m in base_models.items()}

    n_workloads = rng.randint(1, 6)
    scenario["workloads"] = [make_workload(rng, i, pool, models) for i in range(n_workloads)]

    routed_ids = []
    for w in scenario["workloads"]:
        for mid in w["routing"]:
            if mid not in routed_ids:
                routed_ids.append(mid)

    # Commitments: at most one per model.
    committed = set()
    provisioned, reserved = [], []
    candidates = routed_ids[:]
    rng.shuffle(candidates)
    if rng.random() < 0.15:   # sometimes a commitment on a model nobody routes to
        spare = [m["id"] for m in usable if m["id"] not in routed_ids]
        if spare:
            candidates.append(rng.choice(spare))

    for mid in candidates:
        roll = rng.random()
        if roll < 0.45:
            kind = "pt"
        elif roll < 0.75:
            kind = "res"
        else:
            continue
        traffic = model_traffic(scenario, models, mid, H)
        start = 0 if rng.random() < 0.7 else rng.randint(1, 3)
        if kind == "pt":
            quote = rng.random() < 0.85 or not ref.pt_capable(models[mid])
            if quote:
                prov, load = pt_override(rng, scenario, models, mid, H, scale_traffic=rng.random() < 0.7)
                overrides.setdefault(mid, {})["provisioned"] = prov
                models[mid] = ref.deep_merge(models[mid], {"provisioned": prov})
            else:
                cap_in, cap_out = ref.pt_capacities(models[mid])
                load = traffic["in_tpm"] / cap_in + traffic["out_tpm"] / cap_out
            terms = [t for t in ("no_commit", "one_month", "six_month") if ref.pt_rate(models[mid], t) is not None]
            style = rng.choice(["overflow", "idle", "near"])
            if style == "overflow":
                units = max(1, math.floor(load * rng.uniform(0.1, 0.6)))
            elif style == "idle":
                units = max(1, math.ceil(load * rng.uniform(2.5, 6.0)) + rng.randint(0, 2))
            else:
                units = max(1, round(load))
            provisioned.append({"model": mid, "model_units": units, "term": rng.choice(terms),
                                "start_month": start})
        else:
            res = reserved_override(rng, traffic)
            overrides.setdefault(mid, {})["reserved"] = res
            models[mid] = ref.deep_merge(models[mid], {"reserved": res})
            min_in, min_out = res["min_input_tpm"], res["min_output_tpm"]
            style = rng.choice(["overflow", "idle", "near", "empty"])
            if style == "empty":
                r_in, r_out = 0, 0
            else:
                factor = {"overflow": rng.uniform(0.1, 0.6), "idle": rng.uniform(2.0, 5.0),
                          "near": rng.uniform(0.8, 1.3)}[style]
                r_in = traffic["res_in_tpm"] * factor
                r_out = traffic["out_tpm"] * factor
                if rng.random() < 0.6:
                    r_in, r_out = round(r_in, -3), round(r_out, -3)
                else:
                    r_in, r_out = round(r_in), round(r_out)
                r_in = max(r_in, min_in, 1000 if min_in == 0 else 0)
                r_out = max(r_out, min_out, 1000 if min_out == 0 else 0)
            reserved.append({"model": mid, "input_tpm": int(r_in), "output_tpm": int(r_out),
                             "term": rng.choice(["one_month", "three_month"]), "start_month": start})
        committed.add(mid)

    # Extra PT quotes on routed, uncommitted models: sizing[] covers them too.
    for mid in routed_ids:
        if mid not in committed and not ref.pt_capable(models[mid]) and rng.random() < 0.3:
            prov, _ = pt_override(rng, scenario, models, mid, H, scale_traffic=False)
            overrides.setdefault(mid, {})["provisioned"] = prov
            models[mid] = ref.deep_merge(models[mid], {"provisioned": prov})

    if overrides:
        scenario["ratecard_overrides"] = overrides
    if provisioned or rng.random() < 0.3:
        scenario["provisioned"] = provisioned
    if reserved or rng.random() < 0.3:
        scenario["reserved"] = reserved

    if rng.random() < 0.55:
        agreement = {"discount": round(rng.uniform(0, 0.5), 3),
                     "annual_commit_usd": round(log_uniform(rng, 1e4, 5e7), 2)}
        roll = rng.random()
        if roll < 0.4:
            agreement["discount_applies_to_marketplace"] = True
        elif roll < 0.7:
            agreement["discount_applies_to_marketplace"] = False
        if rng.random() < 0.5:
            agreement["marketplace_cap_share"] = round(rng.uniform(0, 1), 3)
        scenario["agreement"] = agreement

    if rng.random() < 0.7:
        forecast = {}
        if rng.random() < 0.7:
            forecast["months"] = rng.randint(1, 14)
        if rng.random() < 0.6:
            p10 = round(rng.uniform(0.3, 1.2), 3)
            forecast["volume_p10"] = p10
            forecast["volume_p90"] = round(p10 * rng.uniform(1.0, 5.0), 3)
        scenario["forecast"] = forecast

    # Version 2 on about two scenarios in three; drawn again (ends of life
    # and price changes dropped) until every month is valid.
    if rng.random() < 0.65:
        base = copy.deepcopy(scenario)
        for attempt in range(6):
            trial = copy.deepcopy(base)
            inline = add_v2(rng, trial, card)
            if attempt == 5 and inline is not None:
                for model in inline["models"]:
                    for key in ("end_of_life", "successor", "price_changes"):
                        model.pop(key, None)
            if calendar_valid(trial, inline or card):
                scenario = trial
                if inline is not None:
                    scenario["ratecard"] = inline
                break
    return scenario


# ---------------------------------------------------------------------------
# Version 2: long context, escalation, the calendar
# ---------------------------------------------------------------------------

def month_text(index):
    return ref.calendar_text(index)


def mean_inputs(scenario):
    """Each workload's I/n (section 11)."""
    out = []
    for w in scenario["workloads"]:
        shape = ref.token_shape(w | {"caching": None})
        out.append(shape["I"] / shape["n"])
    return out


def long_context_for(rng, scenario):
    """A threshold between the workloads' mean inputs per call, never within
    1e-6 of one (I/n > T is strict), and the multipliers."""
    means = sorted(mean_inputs(scenario))
    while True:
        T = round(rng.choice(means) * rng.uniform(0.6, 1.4))
        if all(abs(m - T) > 1e-6 * max(1.0, T) for m in means):
            break
    lc = {"threshold_input_tokens": T}
    if rng.random() < 0.8:
        lc["input_mult"] = rng.choice([2, 1.5, 1.25])
    if rng.random() < 0.7:
        lc["output_mult"] = rng.choice([1.5, 1, 1.2])
    return lc


def scaled(value, rng):
    return round(value * rng.uniform(0.4, 2.2), 6)


def price_change(rng, model, effective, scenario):
    """A partial model of the seven fields, only ever scaling prices the model
    has (never removing a 1-hour price, a PT or reserved term, or a minimum)."""
    change = {"effective": effective}
    roll = rng.random()
    if roll < 0.2:
        change["note"] = "launch promotion ends"
    elif roll < 0.4:
        change["note"] = "price cut"
    if rng.random() < 0.3:
        change["source"] = "test generator"
    od = model["on_demand"]
    change["on_demand"] = {"input_per_1m": scaled(od["input_per_1m"], rng)}
    if rng.random() < 0.5:
        change["on_demand"]["output_per_1m"] = scaled(od["output_per_1m"], rng)
    if model.get("batch") is not None and rng.random() < 0.4:
        if rng.random() < 0.3:
            change["batch"] = None          # batch withdrawn: the share falls back to on demand
        else:   # both prices: valid even after another change withdrew batch
            change["batch"] = {"input_per_1m": scaled(model["batch"]["input_per_1m"], rng),
                               "output_per_1m": scaled(model["batch"]["output_per_1m"], rng)}
    cache = model.get("cache")
    if cache is not None and rng.random() < 0.4:
        change["cache"] = {"read_per_1m": scaled(cache.get("read_per_1m") or 0.01, rng)}
        if cache.get("write_1h_per_1m") is not None and rng.random() < 0.5:
            change["cache"]["write_1h_per_1m"] = scaled(cache["write_1h_per_1m"], rng)
    if rng.random() < 0.3:
        change["long_context"] = long_context_for(rng, scenario)
    prov = model.get("provisioned") or {}
    rates = {t: r for t, r in (prov.get("per_mu_hour") or {}).items() if isinstance(r, (int, float)) and r > 0}
    if rates and rng.random() < 0.3:
        change["provisioned"] = {"per_mu_hour": {t: scaled(r, rng) for t, r in rates.items()}}
    if rng.random() < 0.3:
        change["tiers"] = {"priority": round(rng.uniform(1.2, 2.0), 3)}
    return change


def add_v2(rng, scenario, card):
    """Long context, escalation, a calendar, price changes and ends of life;
    returns the inline card (a copy) when the card changed."""
    card = copy.deepcopy(card)
    models = ref.model_table(card)
    usable = [m["id"] for m in usable_models(card)]
    routed = []
    for w in scenario["workloads"]:
        for mid in w["routing"]:
            if mid not in routed:
                routed.append(mid)

    def needs_one_hour(model_id):
        for w in scenario["workloads"]:
            if (w.get("caching") or {}).get("ttl") == "1h":
                targets = set(w["routing"])
                if w.get("escalation"):
                    targets.add(w["escalation"]["to"])
                if model_id in targets:
                    return True
        return False

    def one_hour_ok(w, model_id):
        cache = models[model_id].get("cache")
        return (w.get("caching") or {}).get("ttl") != "1h" or cache is None or \
            cache.get("write_1h_per_1m") is not None

    # Escalation: a third of the workloads, to a routed or an unrouted model.
    for w in scenario["workloads"]:
        if rng.random() < 0.35:
            target = rng.choice(usable if rng.random() < 0.5 else list(w["routing"]))
            if one_hour_ok(w, target):
                rate = 0.0 if rng.random() < 0.1 else round(rng.uniform(0.01, 0.6), 4)
                w["escalation"] = {"to": target, "rate": rate}

    changed = False
    # Long context on models in play.
    for mid in routed + [w["escalation"]["to"] for w in scenario["workloads"] if w.get("escalation")]:
        if rng.random() < 0.35 and "long_context" not in models[mid]:
            models[mid]["long_context"] = long_context_for(rng, scenario)
            changed = True

    forecast = scenario.setdefault("forecast", {})
    months = int(forecast.get("months", 12))
    if rng.random() < 0.6:
        start = ref.calendar_index("2026-06") + rng.randrange(0, 19)
        forecast["start_month"] = month_text(start)
    else:
        start = ref.calendar_index("2027-01")       # dates for a card without a calendar

    # Price changes on one to three models: out of order, ties, before the start.
    if rng.random() < 0.6:
        for mid in rng.sample(routed, min(len(routed), rng.randint(1, 3))):
            model = models[mid]
            changes = []
            for _ in range(rng.randint(1, 3)):
                month = start + rng.randrange(-3, months + 2)
                changes.append(price_change(rng, model, month_text(month), scenario))
                if rng.random() < 0.25:   # a tie in the same month
                    changes.append(price_change(rng, model, month_text(month), scenario))
            rng.shuffle(changes)
            model["price_changes"] = changes
            changed = True

    # Ends of life: a routed, escalated-to or committed model retires to a successor.
    committed = [c["model"] for c in scenario.get("provisioned", []) + scenario.get("reserved", [])]
    escalated = [w["escalation"]["to"] for w in scenario["workloads"] if w.get("escalation")]
    candidates = list(dict.fromkeys(routed + escalated + committed))
    if rng.random() < 0.5 and candidates:
        for mid in rng.sample(candidates, min(len(candidates), rng.randint(1, 2))):
            if "end_of_life" in models[mid]:
                continue
            successors = [u for u in usable if u != mid and "end_of_life" not in models[u]]
            if needs_one_hour(mid):
                successors = [u for u in successors
                              if models[u].get("cache") is None
                              or models[u]["cache"].get("write_1h_per_1m") is not None]
            if not successors:
                continue
            successor = rng.choice(successors)
            models[mid]["end_of_life"] = month_text(start + rng.randrange(-2, months + 1))
            models[mid]["successor"] = successor
            if rng.random() < 0.3 and successor not in candidates:   # a chain
                nexts = [u for u in successors if u != successor]
                if nexts:
                    models[successor]["end_of_life"] = month_text(
                        ref.calendar_index(models[mid]["end_of_life"]) + rng.randrange(0, 4))
                    models[successor]["successor"] = rng.choice(nexts)
            changed = True
    return card if changed else None


def calendar_valid(scenario, card):
    """What validation checks per month (13.4.2, 13.4.6, 10.10), over every
    month the cross-check evaluates."""
    months = max(int((scenario.get("forecast") or {}).get("months", 12)), 4)
    for t in range(months):
        month_card = ref.card_in_month(card, scenario, t)
        models = ref.model_table(month_card)
        C = ref.calendar_month_of(scenario, t)
        for w in scenario["workloads"]:
            try:
                shares, _ = ref.month_routing(w, models, C)
            except ref.RoutingError:
                return False
            for mid, share in shares.items():
                cache = models[mid].get("cache")
                if share > 0 and (w.get("caching") or {}).get("ttl") == "1h" and cache is not None \
                        and cache.get("write_1h_per_1m") is None:
                    return False
        for c in scenario.get("provisioned", []):
            if c.get("start_month", 0) <= t and (not ref.pt_capable(models[c["model"]]) or
                                                 ref.pt_rate(models[c["model"]], c["term"]) is None):
                return False
    return True


def coverage(scenario, card_models):
    feats = set()
    models = {mid: (ref.deep_merge(m, scenario.get("ratecard_overrides", {}).get(mid, {})))
              for mid, m in card_models.items()}
    for w in scenario["workloads"]:
        tok = w["tokens"]
        if tok.get("calls_per_request", 1) != 1:
            feats.add("agent chain")
        if (tok.get("calls_per_request", 1) or 1) % 1:
            feats.add("fractional calls")
        if tok.get("context_growth_per_call"):
            feats.add("context growth")
        if w.get("caching"):
            feats.add("caching ttl " + w["caching"].get("ttl", "default"))
        if w.get("batch_share"):
            for mid in w["routing"]:
                feats.add("batch on model " + ("with" if models[mid].get("batch") else "without") + " batch")
        tier = w.get("service_tier")
        if tier and tier != "standard":
            for mid in w["routing"]:
                offered = (models[mid].get("tiers") or {}).get(tier) is not None
                feats.add(f"tier {tier} " + ("offered" if offered else "not offered"))
        prof = w.get("profile")
        feats.add("profile " + ("weekly" if isinstance(prof, dict) else str(prof)))
        feats.add("team" if w.get("team") else "no team")
        if w.get("growth_per_month"):
            feats.add("growth")
        if w.get("volume_multiplier", 1) != 1:
            feats.add("volume multiplier")
    for c in scenario.get("provisioned", []):
        feats.add("PT")
        if c["start_month"] > 0:
            feats.add("PT starting later")
    for c in scenario.get("reserved", []):
        feats.add("reservation" + (" (empty)" if c["input_tpm"] == 0 else ""))
        if c["start_month"] > 0:
            feats.add("reservation starting later")
    ag = scenario.get("agreement")
    if ag:
        feats.add("agreement, marketplace discount " + str(bool(ag.get("discount_applies_to_marketplace"))))
    if (scenario.get("forecast") or {}).get("volume_p10") is not None:
        feats.add("forecast fan")
    # Version 2.
    inline = scenario.get("ratecard") if isinstance(scenario.get("ratecard"), dict) else None
    card = inline["models"] if inline else list(card_models.values())
    table = {m["id"]: m for m in card}
    fc = scenario.get("forecast") or {}
    start = fc.get("start_month")
    if start:
        feats.add("v2: calendar (start_month)")
    for w in scenario["workloads"]:
        esc = w.get("escalation")
        if esc:
            feats.add("v2: escalation" + (" (rate 0)" if esc["rate"] == 0 else ""))
            if esc["to"] not in w["routing"]:
                feats.add("v2: escalation to an unrouted model")
            if table[esc["to"]].get("end_of_life") and start:
                feats.add("v2: escalation target with an end of life")
        shape = ref.token_shape(w | {"caching": None})
        for mid in list(w["routing"]) + ([esc["to"]] if esc else []):
            lc = table[mid].get("long_context")
            if lc:
                feats.add("v2: long context " + ("above" if shape["I"] / shape["n"] > lc["threshold_input_tokens"]
                                                 else "below") + " the threshold")
    for m in card:
        if m.get("price_changes"):
            feats.add("v2: price changes" + ("" if start else " (no calendar)"))
            months = [c["effective"] for c in m["price_changes"]]
            if len(set(months)) < len(months):
                feats.add("v2: price changes tied in one month")
            if months != sorted(months):
                feats.add("v2: price changes listed out of order")
            if start and min(months) < start:
                feats.add("v2: a price change before start_month")
        if m.get("end_of_life"):
            feats.add("v2: end of life" + ("" if start else " (no calendar)"))
            succ = m.get("successor")
            if succ and table.get(succ, {}).get("end_of_life"):
                feats.add("v2: successor chain")
    committed = [c["model"] for c in scenario.get("provisioned", []) + scenario.get("reserved", [])]
    if start and any(table[c].get("end_of_life") for c in committed):
        feats.add("v2: commitment on a retiring model")
    return feats


def main(argv=None):
    parser = argparse.ArgumentParser(description="Write random valid Bedrock What-If scenarios.")
    parser.add_argument("outdir")
    parser.add_argument("--count", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--ratecard", required=True)
    args = parser.parse_args(argv)

    card = ref.load_json(args.ratecard)
    if len(usable_models(card)) < 1:
        print("the rate card has no model with on-demand prices", file=sys.stderr)
        return 1
    os.makedirs(args.outdir, exist_ok=True)
    rng = random.Random(args.seed)
    card_models = ref.model_table(card)
    seen = {}
    for i in range(args.count):
        scenario = make_scenario(rng, i + 1, card)
        path = os.path.join(args.outdir, f"random-{args.seed}-{i + 1:04d}.scenario.json")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(scenario, handle, indent=2)
            handle.write("\n")
        for f in coverage(scenario, card_models):
            seen[f] = seen.get(f, 0) + 1
    print(f"wrote {args.count} scenarios to {args.outdir}; feature coverage:", file=sys.stderr)
    for f in sorted(seen):
        print(f"  {seen[f]:4d}  {f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
