#!/usr/bin/env python3
"""Converts bucketguard snapshots (and rule fixture files) from formatVersion 1 to formatVersion 2.

Usage: snapshot-v1-to-v2.py FILE [FILE ...]   (rewrites each file in place)

Version 2 keeps the neutral envelope (provider, account, id, kind, region, collected, unknowns, grants, encryption)
and moves each cloud's own facts into "details" (see docs/snapshot-format.md). A fact that version 1 marked known but
left without a value ("not configured") gets the explicit value version 2 requires.
"""
import json
import sys

ENVELOPE = ("provider", "account", "parents", "id", "kind", "region", "collected", "unknowns", "grants",
            "encryption", "details")
BPA_NONE = {"blockPublicAcls": False, "ignorePublicAcls": False, "blockPublicPolicy": False,
            "restrictPublicBuckets": False}
warnings = []


def known(r, fact):
    return fact in (r.get("collected") or []) and all(u.get("fact") != fact for u in (r.get("unknowns") or []))


def grant(g):
    g = dict(g)
    for old in ("object", "accessPoint"):
        if old in g:
            g["scope"] = g.pop(old)
    return g


def switch(v):
    if v is None:
        return "notSet"
    if isinstance(v, bool):
        return "true" if v else "false"
    return {"true": "true", "false": "false"}.get(str(v).lower(), "notSet")


def aws(r, out, d):
    g = r.get("guardrails") or {}
    pol = r.get("policy")
    if "s3AccountBlockPublicAccess" in g:
        d["accountBlockPublicAccess"] = g["s3AccountBlockPublicAccess"]
    if "s3BucketBlockPublicAccess" in g:
        d["bucketBlockPublicAccess"] = g["s3BucketBlockPublicAccess"]
    if "s3ObjectOwnership" in g:
        d["objectOwnership"] = g["s3ObjectOwnership"]
    if pol is not None:
        p = {k: v for k, v in pol.items() if k in ("present", "undecided", "tlsEnforced")}
        d["policy"] = p
        if pol.get("statusPublic") is not None:
            d["policyStatusPublic"] = pol["statusPublic"]
    for f in ("logging", "versioning", "website", "accessPoints"):
        if f in r:
            d[f] = r[f]


def aws_defaults(r, d):
    if known(r, "BLOCK_PUBLIC_ACCESS_ACCOUNT") and d.get("accountBlockPublicAccess") is None:
        d["accountBlockPublicAccess"] = dict(BPA_NONE)
    if known(r, "BLOCK_PUBLIC_ACCESS_BUCKET") and d.get("bucketBlockPublicAccess") is None:
        d["bucketBlockPublicAccess"] = dict(BPA_NONE)
    if known(r, "OBJECT_OWNERSHIP") and d.get("objectOwnership") is None:
        d["objectOwnership"] = "NOT_CONFIGURED"
    if known(r, "POLICY") and d.get("policy") is None:
        d["policy"] = {"present": False}
    if known(r, "POLICY_STATUS") and d.get("policyStatusPublic") is None:
        # Version 1 could mark the status read without an answer; version 2 says it was not read.
        r["collected"] = [f for f in r["collected"] if f != "POLICY_STATUS"]
    if known(r, "LOGGING") and d.get("logging") is None:
        d["logging"] = {"enabled": False}
    if known(r, "VERSIONING") and d.get("versioning") is None:
        d["versioning"] = {}
    if known(r, "WEBSITE") and d.get("website") is None:
        d["website"] = {"enabled": False}


def azure(r, out, d):
    g = r.get("guardrails") or {}
    props = r.get("properties") or {}
    s = {}
    if "azureAllowBlobPublicAccess" in g:
        s["allowBlobPublicAccess"] = switch(g["azureAllowBlobPublicAccess"])
    if "tlsEnforced" in r:
        s["httpsTrafficOnly"] = r["tlsEnforced"]
    if "azure.minimumTlsVersion" in props:
        s["minimumTlsVersion"] = props["azure.minimumTlsVersion"]
    if "azure.allowSharedKeyAccess" in props:
        s["allowSharedKeyAccess"] = switch(props["azure.allowSharedKeyAccess"])
    if "azure.sasPolicy.expirationAction" in props:
        s["sasExpirationAction"] = props["azure.sasPolicy.expirationAction"]
    if s:
        d["settings"] = s
    n = {}
    if "azurePublicNetworkAccess" in g:
        n["publicNetworkAccess"] = g["azurePublicNetworkAccess"]
    if "azureNetworkOpen" in g:
        # v1 kept one precomputed boolean; the model now keeps the firewall as ARM states it.
        n["defaultAction"] = "Allow" if g["azureNetworkOpen"] else "Deny"
    if n:
        d["network"] = n
    for f in ("logging", "website"):
        if f in r:
            d[f] = r[f]


def azure_defaults(r, d):
    if known(r, "ACCOUNT_SETTINGS"):
        s = d.setdefault("settings", {})
        s.setdefault("allowBlobPublicAccess", "notSet")
        s.setdefault("httpsTrafficOnly", True)
        s.setdefault("minimumTlsVersion", "notSet")
        s.setdefault("allowSharedKeyAccess", "notSet")
        s.setdefault("sasExpirationAction", "none")
    if known(r, "NETWORK_RULES"):
        n = d.setdefault("network", {})
        n.setdefault("publicNetworkAccess", "notSet")
        if "defaultAction" not in n:
            warnings.append(f"{r.get('id')}: NETWORK_RULES known without azureNetworkOpen; read as open")
            n["defaultAction"] = "Allow"
    if known(r, "LOGGING") and d.get("logging") is None:
        d["logging"] = {"enabled": False}
    if known(r, "WEBSITE") and d.get("website") is None:
        d["website"] = {"enabled": False}


def gcp(r, out, d):
    g = r.get("guardrails") or {}
    if "gcsPublicAccessPrevention" in g:
        d["publicAccessPrevention"] = str(g["gcsPublicAccessPrevention"]).lower()
    if "gcsUniformBucketLevelAccess" in g:
        d["uniformBucketLevelAccess"] = g["gcsUniformBucketLevelAccess"]
    if g.get("gcsOrgPublicAccessPrevention") is not None:
        d["orgEnforcesPublicAccessPrevention"] = g["gcsOrgPublicAccessPrevention"]
        out.setdefault("collected", list(r.get("collected") or []))
        if "ORG_POLICY" not in out["collected"]:
            out["collected"].append("ORG_POLICY")
    for f in ("logging", "versioning"):
        if f in r:
            d[f] = r[f]


def gcp_defaults(r, d):
    if known(r, "PUBLIC_ACCESS_PREVENTION"):
        if d.get("publicAccessPrevention") is None:
            warnings.append(f"{r.get('id')}: PUBLIC_ACCESS_PREVENTION known without a value; read as inherited")
            d["publicAccessPrevention"] = "inherited"
        if d.get("uniformBucketLevelAccess") is None:
            warnings.append(f"{r.get('id')}: uniform bucket-level access known without a value; read as off")
            d["uniformBucketLevelAccess"] = False
    if known(r, "LOGGING") and d.get("logging") is None:
        d["logging"] = {"enabled": False}
    if known(r, "VERSIONING") and d.get("versioning") is None:
        d["versioning"] = {}


MAP = {"aws": (aws, aws_defaults), "azure": (azure, azure_defaults), "gcp": (gcp, gcp_defaults)}


def convert(r, provider=None, defaults=True):
    """One resource (or a partial one, when defaults is False) from version 1 to version 2."""
    if not isinstance(r, dict) or "details" in r or "guardrails" not in r and not any(
            k in r for k in ("policy", "logging", "versioning", "website", "accessPoints", "properties",
                             "tlsEnforced", "grants")):
        return r
    provider = r.get("provider", provider)
    out = {k: r[k] for k in ENVELOPE if k in r and k != "grants"}
    if "grants" in r:
        out["grants"] = [grant(g) for g in r["grants"]]
    d = {}
    if provider in MAP:
        MAP[provider][0](r, out, d)
        if defaults:
            probe = dict(out)
            MAP[provider][1](probe, d)
            if "collected" in probe:
                out["collected"] = probe["collected"]
    if d:
        out["details"] = d
    return out


def merge(base, patch):
    if not isinstance(base, dict) or not isinstance(patch, dict):
        return patch
    out = dict(base)
    for k, v in patch.items():
        if v is None:
            out.pop(k, None)
        else:
            out[k] = merge(base.get(k), v)
    return out


def diff(base, new):
    """The merge patch that turns base into new."""
    patch = {}
    for k, v in new.items():
        if k not in base:
            patch[k] = v
        elif isinstance(v, dict) and isinstance(base[k], dict):
            sub = diff(base[k], v)
            if sub:
                patch[k] = sub
        elif v != base[k]:
            patch[k] = v
    for k in base:
        if k not in new:
            patch[k] = None
    return patch


def convert_file(path):
    with open(path) as f:
        doc = json.load(f)
    if isinstance(doc, dict) and "resources" in doc:
        doc["formatVersion"] = "2.0"
        doc["resources"] = [convert(r) for r in doc["resources"]]
    elif isinstance(doc, dict) and "cases" in doc or isinstance(doc, list):
        cases = doc["cases"] if isinstance(doc, dict) else doc
        base = doc.get("base") if isinstance(doc, dict) else None
        if base is not None:
            new_base = convert(base, defaults=False)
            for c in cases:
                if "resource" in c:
                    full = convert(merge(base, c["resource"]))
                    c["resource"] = diff(new_base, full)
            doc["base"] = new_base
        else:
            for c in cases:
                if "resource" in c:
                    c["resource"] = convert(c["resource"])
    with open(path, "w") as f:
        f.write(dumps(doc) + "\n")


def dumps(v, indent=0, width=118):
    """JSON with every object or list that fits on one line written on one line, the way people write it."""
    flat = json.dumps(v, ensure_ascii=False, separators=(", ", ": "))
    if not isinstance(v, (dict, list)) or len(flat) + indent <= width or not v:
        return flat
    pad = " " * (indent + 2)
    if isinstance(v, dict):
        items = [pad + json.dumps(k, ensure_ascii=False) + ": " + dumps(x, indent + 2, width).lstrip()
                 for k, x in v.items()]
        return "{\n" + ",\n".join(items) + "\n" + " " * indent + "}"
    items = [pad + dumps(x, indent + 2, width).lstrip() for x in v]
    return "[\n" + ",\n".join(items) + "\n" + " " * indent + "]"


if __name__ == "__main__":
    for p in sys.argv[1:]:
        convert_file(p)
    for w in warnings:
        print("warning: " + w, file=sys.stderr)
