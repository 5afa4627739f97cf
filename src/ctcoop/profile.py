"""A country's cooperation profile, computed from the course tables alone.

:func:`country_profile` gathers, for one state, what the course data hold: memberships
with dates, FATF list history with the data's gaps, treaty participation, UN sanctions
entries by nationality (counts by regime only, never reference numbers), UCDP conflicts
as government or as a supporter, organised-violence deaths and internet use. Every part
says in words when the data hold nothing, so a blank never reads as "none".
:func:`profile_view` wraps it in a widget with a country picker (lesson 13 and the
Voila app ``app/country_profile.ipynb``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from html import escape

import pandas as pd

from .data import load

__all__ = ["BODIES", "CountryProfile", "country_profile", "profile_html", "profile_view",
           "states"]

BODIES = ("UN", "INTERPOL", "FATF", "SCO", "EU", "GCTF", "Global Coalition")
_NO_MEMBERSHIP = "no membership recorded in the course data"


@dataclass
class CountryProfile:
    """Everything the course data say about one state; ``gaps`` lists what they do not."""

    iso3: str
    name: str
    memberships: pd.DataFrame
    fsrb: pd.DataFrame
    fatf_listings: pd.DataFrame
    fatf_changes: pd.DataFrame
    treaties: pd.DataFrame
    sanctions_by_regime: pd.Series
    conflicts_as_government: pd.DataFrame
    conflicts_as_supporter: pd.DataFrame
    deaths: pd.DataFrame
    internet: tuple[int, float] | None
    gaps: list[str] = field(default_factory=list)


@lru_cache(maxsize=1)
def _tables() -> dict[str, pd.DataFrame]:
    names = ("memberships", "fsrb_members", "fatf_lists", "fatf_list_changes",
             "fatf_plenary_coverage", "treaty_participation", "sanctions_list",
             "ucdp_conflicts", "ucdp_secondary_parties", "ucdp_organized_violence",
             "internet_users")
    return {name: load(name) for name in names}


@lru_cache(maxsize=1)
def _states() -> pd.Series:
    members = _tables()["memberships"]
    rows = members[members["member_type"] == "state"]
    un_names = rows[rows["body"] == "UN"].set_index("iso3")["member"]
    other = rows[~rows["iso3"].isin(un_names.index)].drop_duplicates("iso3")
    names = pd.concat([un_names, other.set_index("iso3")["member"]])
    return names.sort_values(key=lambda s: s.str.lower())


def states() -> pd.Series:
    """ISO3 -> name of every state with a membership row in the course data, by name."""
    return _states().copy()


def _gwno(iso3: str) -> set[int]:
    violence = _tables()["ucdp_organized_violence"]
    parties = _tables()["ucdp_secondary_parties"]
    codes = set(violence.loc[violence["iso3"] == iso3, "gwno"].dropna().astype(int))
    return codes | set(parties.loc[parties["iso3"] == iso3, "gwno"].dropna().astype(int))


def _memberships(iso3: str) -> pd.DataFrame:
    members = _tables()["memberships"]
    own = members[members["iso3"] == iso3].set_index("body")
    rows = []
    for body in BODIES:
        if body in own.index:
            row = own.loc[[body]].iloc[0]
            rows.append({"body": body, "status": str(row["status"]),
                         "joined": row["joined_as_given"] or "date not in the data"})
        else:
            rows.append({"body": body, "status": _NO_MEMBERSHIP, "joined": ""})
    return pd.DataFrame(rows)


def _fsrb(iso3: str) -> pd.DataFrame:
    bodies = _tables()["fsrb_members"]
    own = bodies[bodies["iso3"] == iso3]
    return pd.DataFrame({"body": own["body"].astype(str), "name": own["body_name"],
                         "membership": own["membership_type"].astype(str),
                         "joined": own["joined_as_given"].replace("", "date not in the data")
                         }).reset_index(drop=True)


def _fatf(iso3: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    lists = _tables()["fatf_lists"]
    own = lists[lists["iso3"] == iso3]
    listings = (own.groupby("list", observed=True)["plenary_date"]
                .agg(first_seen="min", last_seen="max", plenaries="count").reset_index())
    changes = _tables()["fatf_list_changes"]
    mine = changes.loc[changes["iso3"] == iso3,
                       ["plenary_date", "list", "change", "gap_in_between"]]
    return listings, mine.reset_index(drop=True)


def _treaties(iso3: str) -> pd.DataFrame:
    treaties = _tables()["treaty_participation"]
    names = treaties.drop_duplicates("convention")[["convention", "convention_name"]]
    own = treaties[treaties["iso3"] == iso3]
    out = names.merge(own[["convention", "status", "signed", "bound", "consent"]],
                      on="convention", how="left")
    out["status"] = out["status"].astype("string").fillna("no record (2014 status pages)")
    return out.drop(columns="convention").reset_index(drop=True)


def _sanctions(iso3: str) -> pd.Series:
    entries = _tables()["sanctions_list"]
    people = entries[entries["entry_type"] == "individual"]
    hit = people["nationality_iso3"].str.split(";").map(lambda codes: iso3 in codes)
    counts = people[hit].groupby("regime", observed=True).size()
    return counts[counts > 0].sort_values(ascending=False).rename("individuals")


def _conflicts(iso3: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    codes = {str(c) for c in _gwno(iso3)}
    conflicts = _tables()["ucdp_conflicts"]
    as_a = conflicts["gwno_a"].astype(str).str.split(", ").map(lambda g: bool(codes & set(g)))
    government = (conflicts[as_a].groupby("conflict_id")
                  .agg(location=("location", "last"), opponent=("side_b", "last"),
                       first_year=("year", "min"), last_year=("year", "max"),
                       years=("year", "nunique"),
                       war_years=("intensity_level", lambda s: int((s == 2).sum())))
                  .reset_index())
    parties = _tables()["ucdp_secondary_parties"]
    own = parties[parties["iso3"] == iso3].merge(
        conflicts[["conflict_id", "year", "location", "side_a", "side_b"]],
        on=["conflict_id", "year"], how="left")
    supporter = (own.groupby(["conflict_id", "side"], observed=True)
                 .agg(location=("location", "last"), side_a=("side_a", "last"),
                      side_b=("side_b", "last"), first_year=("year", "min"),
                      last_year=("year", "max"), years=("year", "nunique"))
                 .reset_index())
    return government, supporter


def _deaths(iso3: str) -> pd.DataFrame:
    violence = _tables()["ucdp_organized_violence"]
    own = violence[violence["iso3"] == iso3]
    kinds = {"sb_deaths_best": "state-based", "ns_deaths_best": "non-state",
             "os_deaths_best": "one-sided"}
    if own.empty:
        return pd.DataFrame(columns=["kind", "total_best", "peak_year", "first_year",
                                     "last_year"])
    rows = [{"kind": label, "total_best": int(own[column].sum()),
             "peak_year": int(own.loc[own[column].idxmax(), "year"]) if own[column].sum()
             else pd.NA, "first_year": int(own["year"].min()),
             "last_year": int(own["year"].max())} for column, label in kinds.items()]
    return pd.DataFrame(rows)


def _internet(iso3: str) -> tuple[int, float] | None:
    users = _tables()["internet_users"]
    own = users[(users["iso3"] == iso3) & users["internet_users_pct"].notna()]
    if own.empty:
        return None
    latest = own.loc[own["year"].idxmax()]
    return int(latest["year"]), float(latest["internet_users_pct"])


def country_profile(iso3: str) -> CountryProfile:
    """The profile of the state with ISO3 code ``iso3`` (raises ``KeyError`` if unknown)."""
    code = iso3.strip().upper()
    names = _states()
    if code not in names.index:
        raise KeyError(f"{iso3!r} is not a state in the course data; see ctcoop.profile.states()")
    listings, changes = _fatf(code)
    government, supporter = _conflicts(code)
    profile = CountryProfile(
        iso3=code, name=str(names[code]), memberships=_memberships(code), fsrb=_fsrb(code),
        fatf_listings=listings, fatf_changes=changes, treaties=_treaties(code),
        sanctions_by_regime=_sanctions(code), conflicts_as_government=government,
        conflicts_as_supporter=supporter, deaths=_deaths(code), internet=_internet(code))
    profile.gaps = _gaps(profile)
    return profile


def _gaps(p: CountryProfile) -> list[str]:
    coverage = _tables()["fatf_plenary_coverage"]
    missing = int((coverage["grey_status"] == "not_covered").sum())
    gaps = [f"FATF lists: {missing} of {len(coverage)} plenaries "
            f"({coverage['plenary_date'].min():%Y}-{coverage['plenary_date'].max():%Y}) are "
            "not covered by the data; a listing that began and ended between covered "
            "plenaries leaves no trace."]
    if p.fsrb.empty and "FATF" not in set(p.memberships.loc[
            p.memberships["status"] != _NO_MEMBERSHIP, "body"]):
        gaps.append("No FATF-style regional body and no FATF membership in the data.")
    if p.treaties["status"].str.startswith("no record").any():
        gaps.append("Treaties: status as of 2014; 'no record' means not a party or signatory "
                    "then, or joined later (only the Financing Convention has later parties).")
    if p.deaths.empty:
        gaps.append("UCDP organised violence: the state has no rows in the data.")
    if p.internet is None:
        gaps.append("Internet use: no figure in the World Bank data.")
    gaps.append("Sanctions: the list snapshot of 2025-11-20 counts individuals by recorded "
                "nationality; entities have none, and delisted entries are gone.")
    return gaps


def _table(frame: pd.DataFrame | pd.Series, empty: str) -> str:
    if len(frame) == 0:
        return f"<p><em>{escape(empty)}</em></p>"
    return frame.to_html(index=isinstance(frame, pd.Series), na_rep="", border=0,
                         classes="ctc-profile")


def profile_html(p: CountryProfile) -> str:
    """The profile as an HTML fragment: headings, small tables and plain-language gaps."""
    internet = ("no figure in the data" if p.internet is None
                else f"{p.internet[1]:.0f}% of people used the internet in {p.internet[0]}")
    parts = [
        f"<h2>{escape(p.name)} ({p.iso3})</h2>",
        "<h3>Memberships</h3>", _table(p.memberships, ""),
        "<h3>FATF-style regional bodies</h3>",
        _table(p.fsrb, "No FATF-style regional body membership in the data."),
        "<h3>FATF lists</h3>",
        _table(p.fatf_listings, "Not on the FATF grey or black list at any covered plenary."),
        _table(p.fatf_changes, "No dated additions or removals."),
        "<h3>UN counter-terrorism conventions (status 2014)</h3>", _table(p.treaties, ""),
        "<h3>UN sanctions list: individuals of this nationality, by regime</h3>",
        _table(p.sanctions_by_regime, "No listed individual has this nationality."),
        "<h3>UCDP conflicts with this government on side A</h3>",
        _table(p.conflicts_as_government, "None recorded (1946-2024)."),
        "<h3>UCDP conflicts with this state as a secondary warring party</h3>",
        _table(p.conflicts_as_supporter, "None recorded (1946-2024)."),
        "<h3>Deaths in organised violence on its territory (UCDP, best estimates)</h3>",
        _table(p.deaths, "The state has no rows in the UCDP organised-violence data."),
        f"<h3>Internet use</h3><p>{escape(internet)}</p>",
        "<h3>What these data do not say</h3><ul>",
        *(f"<li>{escape(g)}</li>" for g in p.gaps), "</ul>",
    ]
    return "\n".join(parts)


def profile_view(start: str = "KEN"):  # -> ipywidgets.VBox (imported lazily)
    """A country picker and the profile of the chosen state, with a small locator map."""
    import ipywidgets as widgets
    from IPython.display import HTML, display

    from .figures.l13_lessons_learned import locator_map

    names = _states()
    picker = widgets.Dropdown(options=[(f"{n} ({c})", c) for c, n in names.items()],
                              value=start, description="Country", layout={"width": "28rem"})
    out = widgets.Output()

    def render(change: object = None) -> None:
        profile = country_profile(picker.value)
        with out:
            out.clear_output(wait=True)
            locator_map(profile.iso3, profile.name)
            display(HTML(profile_html(profile)))

    picker.observe(render, names="value")
    render()
    return widgets.VBox([picker, out])
