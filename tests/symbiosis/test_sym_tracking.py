"""Pipeline tracking: save, track, reject with a fingerprint, reopen when the data change."""

from __future__ import annotations

import pytest
from sym_testing import fly_ash_park, make_park

from eipkit.park import Park
from eipkit.symbiosis import (
    match_park,
    opportunity_fingerprint,
    reject_opportunity,
    save_opportunities,
    update_exchange,
)


def _rebuild(park: Park, **changes: dict[str, object]) -> Park:
    streams = park.table("streams", derived=False).to_dicts()
    for row in streams:
        row.update(changes.get(row["id"], {}))
    return make_park(
        park.table("firms", derived=False).to_dicts(),
        streams,
        park.table("qualities", derived=False).to_dicts(),
        park.table("exchanges", derived=False).to_dicts(),
    )


def test_save_track_reject_and_reopen() -> None:
    park = fly_ash_park()
    opp = match_park(park, select=False).opportunities
    oid = opp.get_column("id")[0]
    saved = save_opportunities(park, opp, [oid], lang="vi")
    row = saved.exchanges.row(0, named=True)
    assert (row["id"], row["status"], row["supplier"], row["receiver"]) == (oid, "idea", "BOIL", "CEM")
    assert row["quantity"] == 1000 and row["unit"] == "t/a"
    assert f"fingerprint={opportunity_fingerprint(park, 'BOIL.ash', 'CEM.ash')}" in row["notes"]
    assert park.exchanges.height == 0  # the input park is unchanged

    tracked = match_park(saved, select=False)
    assert tracked.opportunities.height == 0
    assert tracked.tracked.get_column("tracking").to_list() == ["tracked"]

    rejected = reject_opportunity(saved, oid, "trial batches failed the strength test", ["quality"])
    row = rejected.exchanges.row(0, named=True)
    assert row["status"] == "rejected" and row["barriers"] == "quality"
    assert row["notes"].startswith("trial batches failed") and "fingerprint=" in row["notes"]
    again = match_park(rejected, select=False)
    assert again.opportunities.height == 0
    assert again.tracked.get_column("tracking").to_list() == ["suppressed"]

    noted = _rebuild(rejected, **{"BOIL.ash": {"notes": "comment only"}})
    assert match_park(noted, select=False).opportunities.height == 0  # notes are not data

    changed = _rebuild(rejected, **{"BOIL.ash": {"quantity": 1500}})
    reopened = match_park(changed, select=False).opportunities
    assert reopened.height == 1
    assert reopened.get_column("tracking")[0] == "reopened"
    assert "reopened" in reopened.get_column("flags")[0]
    assert "data have changed" in reopened.get_column("reason_en")[0]


def test_rejection_without_fingerprint_stays_rejected() -> None:
    park = fly_ash_park()
    park = make_park(
        park.table("firms", derived=False).to_dicts(),
        park.table("streams", derived=False).to_dicts(),
        park.table("qualities", derived=False).to_dicts(),
        [{"id": "X1", "supplier": "BOIL", "receiver": "CEM", "status": "rejected", "notes": "no market"}],
    )
    result = match_park(park, select=False)
    assert result.opportunities.height == 0
    assert result.tracked.get_column("tracking").to_list() == ["suppressed"]


def test_tracking_errors_name_the_fix() -> None:
    park = fly_ash_park()
    opp = match_park(park, select=False).opportunities
    saved = save_opportunities(park, opp)
    oid = opp.get_column("id")[0]
    with pytest.raises(ValueError, match="already exist"):
        save_opportunities(saved, opp)
    with pytest.raises(ValueError, match="not in the table"):
        save_opportunities(park, opp, ["SYM-nope"])
    with pytest.raises(KeyError, match="not in park"):
        reject_opportunity(saved, "nope", "x")
    with pytest.raises(ValueError, match="reason"):
        reject_opportunity(saved, oid, "  ")
    with pytest.raises(ValueError, match="unknown barriers"):
        update_exchange(saved, oid, barriers=["money"])
    moved = update_exchange(saved, oid, status="feasibility", barriers=["capital", "trust"], notes="bank contacted")
    row = moved.exchanges.row(0, named=True)
    assert (row["status"], row["barriers"], row["notes"]) == ("feasibility", "capital;trust", "bank contacted")
    bare = make_park(
        park.table("firms", derived=False).to_dicts(),
        park.table("streams", derived=False).to_dicts(),
        exchanges=[{"id": "X1", "supplier": "BOIL", "receiver": "CEM", "status": "idea"}],
    )
    with pytest.raises(ValueError, match="supply_stream"):
        reject_opportunity(bare, "X1", "no market")
