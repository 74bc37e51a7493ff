"""Certification dossier (Decree 35/2022 Arts. 40-42): drafts, forms, checklist and summary for a park.

``write_dossier`` writes, in Vietnamese by default:

* the dossier items the catalogue lists (``certification.eip.dossier_items`` of VN35), drafted by
  eipkit where the data allow: registration letter, report on operations and investment
  attraction, self-assessment against Art. 37 (the scorecard with its evidence), and the
  Circular 05/2025 forms A.4/A.5 and B.4/B.5 (Excel);
* a checklist of the items with their state (drafted, complete, evidence missing, to provide);
* the evidence still missing for each Art. 37 criterion (facts without a document, operating
  links without an agreement);
* the eco-enterprise checklist of each firm (Art. 42) and a summary document with the verdict,
  the checklist and the procedure steps.

Drafts are to be reviewed and signed by the applicant; eipkit never files anything.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import polars as pl

from eipkit.assessment._markdown import markdown_table, scorecard_markdown
from eipkit.assessment._render import number
from eipkit.assessment.assess import AssessmentResult, assess
from eipkit.assessment.catalogue import Certificate, DossierItem, Framework
from eipkit.assessment.forms import write_forms
from eipkit.assessment.indicators import indicator_spec
from eipkit.i18n import t
from eipkit.park import Park
from eipkit.park.summary import firms_by_sector

__all__ = ["dossier_checklist", "missing_evidence", "write_dossier"]


def missing_evidence(
    result: AssessmentResult, park: Park, criteria: list[str], lang: str = "vi"
) -> dict[str, list[str]]:
    """Evidence still missing for ``criteria`` of ``park``: ``{criterion: [what is missing]}``.

    A criterion not met or lacking data is listed with its gap; a met criterion lists facts
    recorded without a document and operating symbiosis links without an agreement reference.
    """
    rows = {r["criterion"]: r for r in result.scorecard(park.id, "VN35", lang)}
    conds = result.evaluation.conditions.filter((pl.col("park") == park.id) & pl.col("criterion").is_in(criteria))
    links = park.exchanges.filter((pl.col("status") == "operating") & pl.col("agreement").is_null())
    out: dict[str, list[str]] = {}
    for cid in criteria:
        row, items = rows[cid], []
        if row["status"] in ("not_met", "insufficient_data"):
            items.append(f"{row['status_text']}: {row['gap_text']}")
        mine = conds.filter(pl.col("criterion") == cid)
        for c in mine.filter(pl.col("notes").list.contains("no_document")).iter_rows(named=True):
            label = indicator_spec(c["indicator"]).label(lang)
            items.append(t("assessment.dossier.no_document", lang, label=label))
        if mine.filter(pl.col("indicator") == "symbiosis_links").height and links.height:
            items += [t("assessment.dossier.no_agreement", lang, id=x) for x in links.get_column("id").to_list()]
        if items:
            out[cid] = items
    return out


def dossier_checklist(
    cert: Certificate, produced: dict[str, str], missing: dict[str, list[str]], lang: str
) -> list[dict[str, Any]]:
    """State of each dossier item: drafted by eipkit, complete, evidence missing, optional, or to provide."""
    rows = []
    for item in cert.dossier_items:
        path = produced.get(item.produced_by or "", "")
        if path:
            gaps = [m for c in item.evidence for m in missing.get(c, [])]
            state = "incomplete" if gaps else ("complete" if item.evidence else "drafted")
        else:
            state = "optional" if item.optional else "to_provide"
        rows.append(
            {
                "item": item.id,
                "title": item.title_vi if lang == "vi" else item.title_en,
                "statutory": item.statutory,
                "state": state,
                "state_text": t(f"assessment.dossier.state.{state}", lang),
                "file": Path(path).name if path else "",
            }
        )
    return rows


def _letter(park: Park, result: AssessmentResult, lang: str, attachments: list[DossierItem]) -> str:
    m = park.meta
    today = result.as_of.isoformat()
    items = "\n".join(f"{i + 1}. {a.title_vi if lang == 'vi' else a.title_en}" for i, a in enumerate(attachments))
    if lang == "vi":
        return (
            f"# DỰ THẢO — VĂN BẢN ĐĂNG KÝ CHỨNG NHẬN KHU CÔNG NGHIỆP SINH THÁI\n\n"
            f"Kính gửi: {m.get('management_board') or 'Ban Quản lý các KCN tỉnh ' + m['province']}\n\n"
            f"{m.get('operator') or '[Nhà đầu tư hạ tầng]'}, nhà đầu tư xây dựng và kinh doanh kết cấu hạ tầng "
            f"{m['name']} ({m['province']}), đề nghị được xem xét cấp Giấy chứng nhận khu công nghiệp sinh thái "
            f"theo Điều 40, 41 Nghị định 35/2022/NĐ-CP và Thông tư 05/2025/TT-BKHĐT.\n\n"
            f"Hồ sơ gửi kèm:\n\n{items}\n\n"
            f"Ngày {today}\n\n[Người đại diện theo pháp luật ký, đóng dấu]\n\n"
            f"_Dự thảo do eipkit lập từ dữ liệu KCN; mẫu chính thức theo Thông tư 05/2025 cần được đối chiếu._\n"
        )
    return (
        f"# DRAFT — REGISTRATION LETTER FOR ECO-INDUSTRIAL PARK CERTIFICATION\n\n"
        f"To: {m.get('management_board') or 'Industrial Park Management Board of ' + m['province']}\n\n"
        f"{m.get('operator') or '[Infrastructure investor]'}, infrastructure investor of "
        f"{m.get('name_en') or m['name']} ({m['province']}), applies for the eco-industrial park certificate "
        f"under Decree 35/2022/ND-CP Arts. 40-41 and Circular 05/2025/TT-BKHDT.\n\nAttached:\n\n{items}\n\n"
        f"Date {today}\n\n[Signature of the legal representative, seal]\n\n"
        f"_Draft written by eipkit from the park data; check against the official Circular 05/2025 form._\n"
    )


def _num(value: Any, lang: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return "–" if value is None else str(value)
    return number(float(value), lang, 0 if float(value).is_integer() else 1)


def _operations_report(park: Park, lang: str) -> str:
    m = park.meta
    tenants = park.firms.filter(pl.col("role") == "tenant")
    occ = (
        100.0 * m["leased_industrial_area"] / m["industrial_land_area"]
        if m.get("leased_industrial_area") is not None and m.get("industrial_land_area")
        else None
    )
    vi = lang == "vi"
    facts = [
        ("Tổng diện tích (ha)" if vi else "Total area (ha)", m.get("total_area")),
        ("Đất công nghiệp (ha)" if vi else "Industrial land (ha)", m.get("industrial_land_area")),
        ("Đã cho thuê (ha)" if vi else "Leased (ha)", m.get("leased_industrial_area")),
        ("Tỷ lệ lấp đầy (%)" if vi else "Occupancy (%)", None if occ is None else round(occ, 1)),
        ("Số doanh nghiệp" if vi else "Firms", tenants.height),
        ("Đang hoạt động" if vi else "Operating", tenants.filter(pl.col("status") == "operating").height),
        ("Số lao động" if vi else "Workers", tenants.get_column("employees").sum()),
        (
            "Doanh thu (tỷ VND/năm)" if vi else "Revenue (billion VND/a)",
            round(float(tenants.get_column("revenue").sum() or 0) / 1e9, 1),
        ),
        (
            "Liên kết cộng sinh đang vận hành" if vi else "Operating symbiosis links",
            park.exchanges.filter(pl.col("status") == "operating").height,
        ),
    ]
    sectors = firms_by_sector(park, lang)
    title = (
        "# Báo cáo tình hình hoạt động, thu hút đầu tư" if vi else "# Report on operations and investment attraction"
    )
    return (
        "\n\n".join(
            [
                f"{title}: {m['name']}",
                markdown_table(["", ""], [[k, _num(v, lang)] for k, v in facts]),
                markdown_table(
                    ["Ngành" if vi else "Sector", "Số DN" if vi else "Firms", "Lao động" if vi else "Employees"],
                    [[r["sector_name"], r["firms"], _num(r["employees"], lang)] for r in sectors.to_dicts()],
                ),
            ]
        )
        + "\n"
    )


def write_dossier(
    park: Park,
    folder: Path,
    lang: str = "vi",
    as_of: dt.date | None = None,
    result: AssessmentResult | None = None,
) -> dict[str, str]:
    """Write the EIP certification dossier of ``park`` (and the eco-enterprise checklists) into ``folder``.

    Parameters
    ----------
    park : Park
    folder : pathlib.Path
        Output folder (created).
    lang : str
        ``vi`` (default) or ``en``.
    as_of : datetime.date, optional
        Registration date for the assessment; default today.
    result : AssessmentResult, optional
        A VN35 assessment of the park (run here if not given).

    Returns
    -------
    dict
        ``{name: path}`` of every file written.
    """
    if result is None or "VN35" not in result.frameworks:
        result = assess(park, "VN35", as_of)
    fw: Framework = result.frameworks["VN35"]
    assert fw.certification is not None and fw.certification.eip is not None
    cert = fw.certification.eip
    folder.mkdir(parents=True, exist_ok=True)
    written = write_forms(park, folder, lang, result)

    def put(name: str, text: str) -> None:
        path = folder / f"{name}_{lang}.md"
        path.write_text(text, encoding="utf-8")
        written[name] = str(path)

    put(
        "registration_letter",
        _letter(park, result, lang, [i for i in cert.dossier_items if i.id != "registration_letter"]),
    )
    put("operations_report", _operations_report(park, lang))
    put("self_assessment", scorecard_markdown(result, park.id, lang))
    evidence_ids = sorted({c for i in cert.dossier_items for c in i.evidence})
    missing = missing_evidence(result, park, evidence_ids, lang)
    checklist = dossier_checklist(cert, written, missing, lang)
    path = folder / f"dossier_checklist_{lang}.csv"
    pl.DataFrame(checklist).write_csv(path)
    written["checklist"] = str(path)
    put("eco_enterprises", _eco_enterprises(result, park, lang))
    put("dossier_summary", _summary(result, park, cert, checklist, missing, lang))
    return written


def _eco_enterprises(result: AssessmentResult, park: Park, lang: str) -> str:
    rows = result.enterprises(park.id, lang)
    cert = result.frameworks["VN35"].certification
    items = cert.eco_enterprise.dossier_items if cert and cert.eco_enterprise else []
    head = t("assessment.enterprise.title", lang)
    table = markdown_table(
        [t("assessment.col.firm", lang), t("assessment.col.status", lang), t("assessment.col.gap", lang)],
        [[f"{r['firm']} {r['name']}", r["status_text"], r["gap_text"]] for r in rows],
    )
    docs = "\n".join(f"- {i.title_vi if lang == 'vi' else i.title_en}" for i in items)
    sets = cert.eco_enterprise.dossier_sets if cert and cert.eco_enterprise else 0
    return f"# {head}\n\n{table}\n\n{t('assessment.dossier.sets', lang, n=sets)}\n\n{docs}\n"


def _summary(
    result: AssessmentResult,
    park: Park,
    cert: Certificate,
    checklist: list[dict[str, Any]],
    missing: dict[str, list[str]],
    lang: str,
) -> str:
    v = result.verdict(park.id, "VN35", lang)
    eligible = v["verdict"] == "meets"
    parts = [
        f"# {t('assessment.dossier.title', lang, park=result.park_name(park.id, lang))}",
        f"**{t('assessment.col.verdict', lang)}: {v['verdict_text']}**  \n" + "  \n".join(v["details"]),
        t("assessment.dossier.eligible" if eligible else "assessment.dossier.not_eligible", lang),
        t("assessment.dossier.sets", lang, n=cert.dossier_sets),
        markdown_table(
            [
                t("assessment.dossier.item", lang),
                t("assessment.dossier.state", lang),
                t("assessment.dossier.file", lang),
            ],
            [[r["title"], r["state_text"], r["file"]] for r in checklist],
        ),
    ]
    if missing:
        parts.append(f"## {t('assessment.dossier.missing_evidence', lang)}")
        parts.append("\n".join(f"- **{cid}**: " + "; ".join(items) for cid, items in missing.items()))
    steps = getattr(cert, "steps", None) or []
    if steps:
        parts.append(f"## {t('assessment.dossier.procedure', lang)}")
        parts.append(
            markdown_table(
                ["#"] + [t(f"assessment.col.{k}", lang) for k in ("actor", "deadline", "action")],
                [[s["step"], s["actor"], s["deadline"], s["action"]] for s in steps],
            )
        )
    parts.append(f"> {v['notice']}")
    return "\n\n".join(parts) + "\n"
