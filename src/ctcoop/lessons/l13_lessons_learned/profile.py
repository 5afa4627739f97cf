"""A country's cooperation profile, computed from the course tables alone.

:func:`country_profile` gathers, for one state, what the course data hold: memberships
with dates, FATF list history with the data's gaps, treaty participation, UN sanctions
entries by nationality (counts by regime only, never reference numbers), UCDP conflicts
with the state's government on either side (side A, or side B of a conflict between
states) or as a supporter, organised-violence deaths and internet use. Every part says in
words when the data hold nothing, so a blank never reads as "none".
:func:`profile_view` wraps it in a widget with a country picker (lesson 13 and the
Voila app ``app/country_profile.ipynb``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from html import escape

import pandas as pd

from ctcoop.data import load

__all__ = ["BODIES", "CountryProfile", "country_profile", "profile_html", "profile_view", "states"]

BODIES = ("UN", "INTERPOL", "FATF", "SCO", "EU", "GCTF", "Global Coalition")
_NO_MEMBERSHIP = "no membership recorded in the course data"
SPELL_COLUMNS = [
    "list",
    "first_listed",
    "last_listed",
    "covered_plenaries",
    "from_start_of_data",
    "to_end_of_data",
    "uncovered_plenaries_nearby",
    "tier",
]
# FATF's black-list tiers as fatf_lists codes them (shared/sources/orgs/PROVENANCE.md). Before
# 2015 the Public Statement had two tiers: a call for countermeasures, and a lighter second
# tier of jurisdictions with strategic deficiencies that had not made sufficient progress.
TIERS = {
    "countermeasures": "call for countermeasures",
    "enhanced_due_diligence": "call for enhanced due diligence",
    "countermeasures_suspended_EDD": "countermeasures suspended (enhanced due diligence)",
    "strategic_deficiencies_insufficient_progress": (
        "strategic deficiencies, insufficient progress (the Public Statement's lighter tier)"
    ),
    "not_making_sufficient_progress": "not making sufficient progress (grey-list document)",
}
SIDES = {"a": "A", "b": "B (conflict between states)"}


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
    names = (
        "memberships",
        "fsrb_members",
        "fatf_lists",
        "fatf_list_changes",
        "fatf_plenary_coverage",
        "treaty_participation",
        "sanctions_list",
        "ucdp_conflicts",
        "ucdp_secondary_parties",
        "ucdp_organized_violence",
        "internet_users",
    )
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


def _joined(row: pd.Series) -> str:
    """A joining date in words at the precision the data give it."""
    precision, day, year = row["date_precision"], row["joined"], row["joined_year"]
    if precision == "day" and pd.notna(day):
        return f"{day:%Y-%m-%d}"
    if precision == "month" and pd.notna(day):
        return f"{day:%Y-%m}"
    if precision == "on_or_before" and pd.notna(day):
        return f"on or before {day:%Y-%m-%d}"
    if precision == "year" and pd.notna(year):
        return str(int(year))
    given = row["joined_as_given"]
    return str(given) if pd.notna(given) and given else "date not in the data"


def _memberships(iso3: str) -> pd.DataFrame:
    members = _tables()["memberships"]
    own = members[members["iso3"] == iso3].set_index("body")
    rows = []
    for body in BODIES:
        if body in own.index:
            row = own.loc[[body]].iloc[0]
            note = row["note"] if pd.notna(row["note"]) else ""
            rows.append(
                {"body": body, "status": str(row["status"]), "joined": _joined(row), "note": note}
            )
        else:
            rows.append({"body": body, "status": _NO_MEMBERSHIP, "joined": "", "note": ""})
    return pd.DataFrame(rows)


def _fsrb(iso3: str) -> pd.DataFrame:
    bodies = _tables()["fsrb_members"]
    own = bodies[bodies["iso3"] == iso3]
    return pd.DataFrame(
        {
            "body": own["body"].astype(str),
            "name": own["body_name"],
            "membership": own["membership_type"].astype(str),
            "joined": own["joined_as_given"].fillna("").replace("", "date not in the data"),
        }
    ).reset_index(drop=True)


def _spells(listed: set[pd.Timestamp], covered: pd.DataFrame) -> list[dict[str, object]]:
    """Runs of consecutive covered plenaries at which a jurisdiction was listed."""
    spells: list[dict[str, object]] = []
    previous_gap = False
    for date, gap_before in zip(covered["plenary_date"], covered["gap_before"], strict=True):
        if date in listed:
            if spells and spells[-1]["open"]:
                spells[-1].update(
                    last_listed=date,
                    plenaries=spells[-1]["plenaries"] + 1,
                    gap_inside=spells[-1]["gap_inside"] or bool(gap_before),
                )
            else:
                spells.append(
                    {
                        "first_listed": date,
                        "last_listed": date,
                        "plenaries": 1,
                        "open": True,
                        "start_uncertain": bool(gap_before),
                        "gap_inside": False,
                    }
                )
        elif spells and spells[-1]["open"]:
            spells[-1]["open"] = False
            spells[-1]["end_uncertain"] = bool(gap_before)
        previous_gap = bool(gap_before)
    if spells and spells[-1]["open"]:
        spells[-1]["end_uncertain"] = previous_gap
    return spells


def _fatf(iso3: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    lists = _tables()["fatf_lists"]
    coverage = _tables()["fatf_plenary_coverage"].sort_values("plenary_date")
    own = lists[lists["iso3"] == iso3]
    rows = []
    for name in ("grey", "black"):
        status = coverage[f"{name}_status"].astype(str)
        covered = coverage.loc[status != "not_covered", ["plenary_date"]].copy()
        missing = (status == "not_covered").cumsum()[status != "not_covered"]
        covered["gap_before"] = missing.diff().fillna(missing.iloc[0]).gt(0).to_numpy()
        on_list = own[own["list"] == name]
        listed = set(on_list["plenary_date"])
        dates = covered["plenary_date"]
        for spell in _spells(listed, covered):
            inside = on_list["plenary_date"].between(spell["first_listed"], spell["last_listed"])
            rows.append(
                {
                    "list": name,
                    "first_listed": spell["first_listed"],
                    "last_listed": spell["last_listed"],
                    "covered_plenaries": spell["plenaries"],
                    "from_start_of_data": spell["first_listed"] == dates.min(),
                    "to_end_of_data": spell["last_listed"] == dates.max(),
                    "uncovered_plenaries_nearby": spell["start_uncertain"]
                    or spell.get("end_uncertain", False)
                    or spell["gap_inside"],
                    "tier": _tiers(on_list.loc[inside].sort_values("plenary_date")),
                }
            )
    listings = pd.DataFrame(rows, columns=SPELL_COLUMNS)
    changes = _tables()["fatf_list_changes"]
    mine = changes.loc[
        changes["iso3"] == iso3, ["plenary_date", "list", "change", "gap_in_between"]
    ]
    # An addition's tier is the one at the plenary that added it; a removal has none.
    tier_at = own.assign(tier=own["black_category"].astype("string").map(TIERS, na_action="ignore"))
    mine = mine.merge(
        tier_at[["plenary_date", "list", "tier"]], on=["plenary_date", "list"], how="left"
    )
    mine["tier"] = mine["tier"].fillna("")
    return listings, mine.reset_index(drop=True)


def _tiers(rows: pd.DataFrame) -> str:
    """The tiers of a spell in the order they held ("" for a grey spell without one)."""
    labels: list[str] = []
    for code in rows["black_category"].dropna().astype(str):
        if not labels or labels[-1] != TIERS[code]:
            labels.append(TIERS[code])
    return "; then ".join(labels)


def _treaties(iso3: str) -> pd.DataFrame:
    treaties = _tables()["treaty_participation"]
    names = treaties.drop_duplicates("convention")[["convention", "convention_name"]]
    own = treaties[treaties["iso3"] == iso3]
    out = names.merge(
        own[["convention", "status", "signed", "bound", "consent"]], on="convention", how="left"
    )
    out["status"] = out["status"].astype("string").fillna("no record (2014 status pages)")
    return out.drop(columns="convention").reset_index(drop=True)


@lru_cache(maxsize=1)
def _nationalities() -> pd.DataFrame:
    """Listed individuals, one row per recorded nationality (no reference numbers kept)."""
    entries = _tables()["sanctions_list"]
    people = entries.loc[entries["entry_type"] == "individual", ["regime", "nationality_iso3"]]
    people = people.assign(iso3=people["nationality_iso3"].fillna("").str.split(";"))
    return people.explode("iso3")[["regime", "iso3"]]


def _sanctions(iso3: str) -> pd.Series:
    people = _nationalities()
    counts = people[people["iso3"] == iso3].groupby("regime", observed=True).size()
    return counts[counts > 0].sort_values(ascending=False).rename("individuals")


def _codes(column: pd.Series) -> pd.Series:
    """Lists of GW codes from a column such as ``gwno_a`` ("651,  645, 663": commas, spaces)."""
    return (
        column.astype("string")
        .fillna("")
        .str.split(",")
        .map(lambda codes: [code.strip() for code in codes if code.strip()])
    )


@lru_cache(maxsize=1)
def _sides() -> pd.DataFrame:
    """Conflict-years with one row per government on side A or side B.

    ``gwno_a`` can list several governments; ``gwno_b`` is filled only in conflicts between
    states, where the government on side B (Ukraine in 2022, Kuwait in 1990, South Korea in
    1950) is as much a party as side A. The opponent is the other side's name.
    """
    conflicts = _tables()["ucdp_conflicts"]
    frames = []
    for side, own, other in (("a", "gwno_a", "side_b"), ("b", "gwno_b", "side_a")):
        rows = conflicts.assign(gwno=_codes(conflicts[own]), side=side, opponent=conflicts[other])
        frames.append(rows.explode("gwno").dropna(subset=["gwno"]))
    sides = pd.concat(frames, ignore_index=True)
    sides["war"] = sides["intensity_level"] == 2
    return sides


def _conflicts(iso3: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    codes = {str(c) for c in _gwno(iso3)}
    sides = _sides()
    government = (
        sides[sides["gwno"].isin(codes)]
        .groupby(["conflict_id", "side"])
        .agg(
            location=("location", "last"),
            opponent=("opponent", "last"),
            first_year=("year", "min"),
            last_year=("year", "max"),
            years=("year", "nunique"),
            war_years=("war", "sum"),
        )
        .reset_index()
    )
    government["side"] = government["side"].map(SIDES)
    conflicts = _tables()["ucdp_conflicts"]
    parties = _tables()["ucdp_secondary_parties"]
    own = parties[parties["iso3"] == iso3].merge(
        conflicts[["conflict_id", "year", "location", "side_a", "side_b"]],
        on=["conflict_id", "year"],
        how="left",
    )
    supporter = (
        own.groupby(["conflict_id", "side"], observed=True)
        .agg(
            location=("location", "last"),
            side_a=("side_a", "last"),
            side_b=("side_b", "last"),
            first_year=("year", "min"),
            last_year=("year", "max"),
            years=("year", "nunique"),
        )
        .reset_index()
    )
    return government, supporter


def _deaths(iso3: str) -> pd.DataFrame:
    violence = _tables()["ucdp_organized_violence"]
    own = violence[violence["iso3"] == iso3]
    kinds = {
        "sb_deaths_best": "state-based",
        "ns_deaths_best": "non-state",
        "os_deaths_best": "one-sided",
    }
    if own.empty:
        return pd.DataFrame(columns=["kind", "total_best", "peak_year", "first_year", "last_year"])
    rows = [
        {
            "kind": label,
            "total_best": int(own[column].sum()),
            "peak_year": int(own.loc[own[column].idxmax(), "year"]) if own[column].sum() else pd.NA,
            "first_year": int(own["year"].min()),
            "last_year": int(own["year"].max()),
        }
        for column, label in kinds.items()
    ]
    return pd.DataFrame(rows)


def _internet(iso3: str) -> tuple[int, float] | None:
    users = _tables()["internet_users"]
    own = users[(users["iso3"] == iso3) & users["internet_users_pct"].notna()]
    if own.empty:
        return None
    latest = own.loc[own["year"].idxmax()]
    return int(latest["year"]), float(latest["internet_users_pct"])


_VALID = (
    "a valid code is three letters of ISO 3166-1 alpha-3, such as 'KEN' for Kenya or 'PAK' "
    "for Pakistan; states() lists every state in the course data"
)


def _shown(value: object) -> str:
    """A short, safe picture of a bad argument: never the whole of a long input."""
    if isinstance(value, str):
        if len(value) <= 12:
            return repr(value)
        return f"a string of {len(value):,} characters starting {value[:8]!r}"
    if value is None:
        return "None"
    return f"a value of type {type(value).__name__} ({str(value)[:12]})"


def _code(iso3: object) -> str:
    """The upper-case code of ``iso3``, or a ``TypeError``/``KeyError`` that says what is valid.

    Learners call this with whatever is in a variable, so the message names the expected form
    and describes, rather than echoes, what arrived (a 10 MB string would flood the notebook).
    """
    if not isinstance(iso3, str):
        raise TypeError(f"country_profile needs a string, not {_shown(iso3)}: {_VALID}.")
    code = iso3.strip().upper()
    if code not in _states().index:
        raise KeyError(f"{_shown(iso3)} is not a state in the course data: {_VALID}.")
    return code


def country_profile(iso3: str) -> CountryProfile:
    """The profile of the state with ISO3 code ``iso3``.

    Raises ``TypeError`` for a non-string and ``KeyError`` for a code that is not a state in
    the course data; both messages say what a valid code is.
    """
    code = _code(iso3)
    names = _states()
    listings, changes = _fatf(code)
    government, supporter = _conflicts(code)
    profile = CountryProfile(
        iso3=code,
        name=str(names[code]),
        memberships=_memberships(code),
        fsrb=_fsrb(code),
        fatf_listings=listings,
        fatf_changes=changes,
        treaties=_treaties(code),
        sanctions_by_regime=_sanctions(code),
        conflicts_as_government=government,
        conflicts_as_supporter=supporter,
        deaths=_deaths(code),
        internet=_internet(code),
    )
    profile.gaps = _gaps(profile)
    return profile


def _gaps(p: CountryProfile) -> list[str]:
    coverage = _tables()["fatf_plenary_coverage"]
    grey, black = (
        (coverage[f"{kind}_status"] == "not_covered").sum() for kind in ("grey", "black")
    )
    gaps = [
        f"FATF lists: of {len(coverage)} plenaries "
        f"({coverage['plenary_date'].min():%Y}-{coverage['plenary_date'].max():%Y}), the data "
        f"do not cover {grey} for the grey list and {black} for the black list; a listing "
        "that began and ended between covered plenaries leaves no trace."
    ]
    if p.fsrb.empty and "FATF" not in set(
        p.memberships.loc[p.memberships["status"] != _NO_MEMBERSHIP, "body"]
    ):
        gaps.append("No FATF-style regional body and no FATF membership in the data.")
    if p.treaties["status"].str.startswith("no record").any():
        gaps.append(
            "Treaties: status in the UN Treaty Collection as of 2014; 'no record' means not a "
            "party or signatory then. All five conventions have gained parties since; the "
            "course data add the later ones (undated) for the Financing Convention only, so "
            "'no record' for the other four may hide a later joining."
        )
    if p.deaths.empty:
        gaps.append("UCDP organised violence: the state has no rows in the data.")
    if p.internet is None:
        gaps.append("Internet use: no figure in the World Bank data.")
    gaps.append(
        "Sanctions: the list snapshot of 2025-11-20 counts individuals by recorded "
        "nationality; entities have none, and delisted entries are gone."
    )
    return gaps


def _table(frame: pd.DataFrame | pd.Series, empty: str) -> str:
    if len(frame) == 0:
        return f"<p><em>{escape(empty)}</em></p>"
    if isinstance(frame, pd.Series):
        frame = frame.reset_index()
    return frame.to_html(index=False, na_rep="", border=0, classes="ctc-profile")


def profile_html(p: CountryProfile) -> str:
    """The profile as an HTML fragment: headings, small tables and plain-language gaps."""
    internet = (
        "no figure in the data"
        if p.internet is None
        else f"{p.internet[1]:.0f}% of people used the internet in {p.internet[0]}"
    )
    parts = [
        f"<h2>{escape(p.name)} ({p.iso3})</h2>",
        "<h3>Memberships</h3>",
        _table(p.memberships, ""),
        "<h3>FATF-style regional bodies</h3>",
        _table(p.fsrb, "No FATF-style regional body membership in the data."),
        "<h3>FATF lists</h3>",
        _table(p.fatf_listings, "Not on the FATF grey or black list at any covered plenary."),
        _table(p.fatf_changes, "No dated additions or removals."),
        "<h3>UN counter-terrorism conventions (status 2014)</h3>",
        _table(p.treaties, ""),
        "<h3>UN sanctions list: individuals of this nationality, by regime</h3>",
        _table(p.sanctions_by_regime, "No listed individual has this nationality."),
        "<h3>UCDP conflicts with this government as a primary party (side A, or side B "
        "of a conflict between states)</h3>",
        _table(p.conflicts_as_government, "None recorded (1946-2024)."),
        "<h3>UCDP conflicts with this state as a secondary warring party</h3>",
        _table(p.conflicts_as_supporter, "None recorded (1946-2024)."),
        "<h3>Deaths in organised violence on its territory (UCDP, best estimates)</h3>",
        _table(p.deaths, "The state has no rows in the UCDP organised-violence data."),
        f"<h3>Internet use</h3><p>{escape(internet)}</p>",
        "<h3>What these data do not say</h3><ul>",
        *(f"<li>{escape(g)}</li>" for g in p.gaps),
        "</ul>",
    ]
    return "\n".join(parts)


def profile_view(start: str = "KEN"):  # -> ipywidgets.VBox (imported lazily)
    """A country picker and the profile of the chosen state, with a small locator map.

    Plain widgets (HTML; the map is an ``<img>`` with alt text) rather than an Output area,
    so the view renders the same in JupyterLab, in Voila and in a stored notebook. A ``start``
    that is not a state gives the picker with no choice made and a message saying what a valid
    code is, not a traceback.
    """
    import base64

    import ipywidgets as widgets

    from ctcoop.lessons.l13_lessons_learned.figures import locator_png
    from ctcoop.plots import alt_text

    try:
        value: str | None = _code(start)
        message = ""
    except (TypeError, KeyError) as error:
        value, message = None, str(error.args[0])
    names = _states()
    picker = widgets.Dropdown(
        options=[(f"{n} ({c})", c) for c, n in names.items()],
        value=value,
        description="Country",
        layout={"width": "28rem"},
    )
    picture = widgets.HTML()  # an <img> with alt text (ipywidgets' Image takes none)
    caption = widgets.HTML()
    details = widgets.HTML()

    def render(change: object = None) -> None:
        if picker.value is None:
            details.value = f'<p class="ctc-message">{escape(message)} Pick a country above.</p>'
            return
        profile = country_profile(picker.value)
        png, text = locator_png(profile.iso3, profile.name)
        picture.value = (
            f'<img src="data:image/png;base64,{base64.b64encode(png).decode("ascii")}" '
            f'alt="{escape(alt_text(text))}" style="width:480px;max-width:100%">'
        )
        caption.value = f'<p class="ctc-caption"><em>Figure.</em> {escape(text)}</p>'
        details.value = profile_html(profile)

    picker.observe(render, names="value")
    render()
    return widgets.VBox([picker, picture, caption, details])
