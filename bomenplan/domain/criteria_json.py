"""Criteria versions to and from JSON text (the stored and shipped form). Errors name the rule."""

from __future__ import annotations

import json
from datetime import date

from bomenplan.domain.complaints import ComplaintCategory, parse_enum
from bomenplan.domain.criteria import (
    FACT_FIELDS,
    Condition,
    CriteriaStatus,
    CriteriaVersion,
    Decision,
    Measure,
    Rule,
)
from bomenplan.domain.errors import ValidationError


def rule_to_data(rule: Rule) -> dict:
    return {
        "code": rule.code, "categorie": str(rule.category), "besluit": str(rule.decision),
        "maatregel": str(rule.measure), "maatregel_tekst": rule.measure_text,
        "voorwaarden": [{"feit": c.field, "operator": c.op,
                         "waarde": list(c.value) if c.op == "in" else c.value}
                        for c in rule.conditions],
        "antwoord": rule.response, "bron": rule.citation, "urgent": rule.urgent,
    }


def rule_from_data(data: dict, where: str) -> Rule:
    try:
        conditions = tuple(
            Condition(c["feit"], c["operator"],
                      tuple(c["waarde"]) if c["operator"] == "in" else c.get("waarde"))
            for c in data.get("voorwaarden", []))
        return Rule(
            code=str(data["code"]),
            category=parse_enum(ComplaintCategory, data["categorie"], "categorie"),
            decision=parse_enum(Decision, data["besluit"], "besluit"),
            measure=parse_enum(Measure, data.get("maatregel", "geen"), "maatregel"),
            measure_text=data.get("maatregel_tekst", ""), response=data.get("antwoord", ""),
            citation=data.get("bron", ""), conditions=conditions,
            urgent=bool(data.get("urgent", False)))
    except KeyError as exc:
        raise ValidationError(f"{where}: {exc.args[0]}", "ontbreekt") from exc
    except ValidationError as exc:
        raise ValidationError(f"{where}: {exc.field}", exc.message) from exc


def rules_to_json(rules: tuple[Rule, ...]) -> str:
    return json.dumps([rule_to_data(r) for r in rules], ensure_ascii=False, indent=1)


def rules_from_json(text: str) -> tuple[Rule, ...]:
    data = json.loads(text)
    return tuple(rule_from_data(item, f"regel {i + 1} ({item.get('code', '?')})")
                 for i, item in enumerate(data))


def version_to_data(version: CriteriaVersion) -> dict:
    return {
        "versie": version.label, "status": str(version.status), "auteur": version.auteur,
        "aangemaakt_op": version.aangemaakt_op.isoformat() if version.aangemaakt_op else None,
        "vastgesteld_op": version.vastgesteld_op.isoformat() if version.vastgesteld_op else None,
        "toelichting": version.toelichting, "regels": [rule_to_data(r) for r in version.rules],
    }


def version_from_data(data: dict, source: str = "criteria") -> CriteriaVersion:
    try:
        rules = tuple(rule_from_data(item, f"{source}: regel {i + 1} ({item.get('code', '?')})")
                      for i, item in enumerate(data["regels"]))
        return CriteriaVersion(
            label=data["versie"], rules=rules,
            status=parse_enum(CriteriaStatus, data.get("status", "concept"), "status"),
            auteur=data.get("auteur", ""),
            aangemaakt_op=_date(data.get("aangemaakt_op")),
            vastgesteld_op=_date(data.get("vastgesteld_op")),
            toelichting=data.get("toelichting", ""))
    except KeyError as exc:
        raise ValidationError(f"{source}: {exc.args[0]}", "ontbreekt") from exc


def version_from_json(text: str, source: str = "criteria") -> CriteriaVersion:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(source, f"regel {exc.lineno}: geen geldige JSON ({exc.msg})") from exc
    return version_from_data(data, source)


def version_to_json(version: CriteriaVersion) -> str:
    return json.dumps(version_to_data(version), ensure_ascii=False, indent=1)


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def format_conditions(conditions: tuple[Condition, ...]) -> str:
    """Conditions as editable text: 'afstand_gevel_m <= 1; doorrijhoogte_over in fietspad, voetpad'."""
    parts = []
    for c in conditions:
        if c.op == "onbekend":
            parts.append(f"{c.field} onbekend")
        elif c.op == "in":
            parts.append(f"{c.field} in {', '.join(map(_word, c.value))}")
        else:
            parts.append(f"{c.field} {c.op} {_word(c.value)}")
    return "; ".join(parts)


def _word(value) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return f"{value:g}" if isinstance(value, float) else str(value)


def _value(field: str, text: str):
    text = text.strip()
    kind = FACT_FIELDS.get(field)
    if kind == "getal":
        try:
            return float(text.replace(",", "."))
        except ValueError:
            raise ValidationError(field, f"'{text}' is geen getal") from None
    if kind == "ja/nee":
        if text.lower() not in ("ja", "nee"):
            raise ValidationError(field, f"'{text}' is geen ja/nee")
        return text.lower() == "ja"
    return text


def parse_conditions(text: str) -> tuple[Condition, ...]:
    """The inverse of format_conditions; errors name the part that is wrong."""
    conditions = []
    for part in (p.strip() for p in text.split(";")):
        if not part:
            continue
        words = part.split(None, 2)
        if len(words) == 2 and words[1] == "onbekend":
            conditions.append(Condition(words[0], "onbekend"))
            continue
        if len(words) < 3:
            raise ValidationError("voorwaarden", f"'{part}': verwacht 'feit operator waarde'")
        field, op, rest = words
        if op == "in":
            value = tuple(_value(field, v) for v in rest.split(","))
        else:
            value = _value(field, rest)
        conditions.append(Condition(field, op, value))
    return tuple(conditions)
