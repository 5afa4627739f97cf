"""Organisation tables: FATF (members, lists, changes, coverage, network, FSRBs) and
the long ``memberships`` table across UN, INTERPOL, SCO, EU, GCTF, FATF and the
Global Coalition against Daesh."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from .common import iso_dates, read_csv, to_bool, to_int
from .schema import Field, Source, Table

FATF_MEMBERS = "orgs/fatf_members.csv"
FATF_LISTS = "orgs/fatf_lists_by_plenary.csv"
FATF_CHANGES = "orgs/fatf_list_changes.csv"
FATF_COVERAGE = "orgs/fatf_plenary_coverage.csv"
FATF_NETWORK = "orgs/fatf_network_bodies.csv"
FSRB = "orgs/fatf_fsrb_members.csv"
UN = "orgs/un_member_states.csv"
INTERPOL = "orgs/interpol_member_countries.csv"
SCO = "orgs/sco_membership.csv"
EU = "orgs/eu_member_states.csv"
GCTF = "orgs/gctf_members.csv"
COALITION = "orgs/global_coalition_members.csv"
MEMBERSHIP_INPUTS = (UN, INTERPOL, SCO, EU, GCTF, FATF_MEMBERS, COALITION)

BODIES = ("UN", "INTERPOL", "SCO", "EU", "GCTF", "FATF", "Global Coalition")
STATUSES = ("member", "suspended", "observer", "dialogue_partner")
MEMBER_TYPES = ("state", "territory", "organisation")
PRECISIONS = ("day", "month", "year", "on_or_before", "range", "unknown")
# The UN's two non-member observer States; with the 193 members they make up "state".
UN_OBSERVER_STATES = frozenset({"VAT", "PSE"})
INTERPOL_CONSTITUTION = "1956-06"
# Bodies whose member list in the sources is known to be incomplete.
PARTIAL_BODIES = frozenset({"Global Coalition"})


def partial_date(text: str) -> tuple[str, int | None, str]:
    """(joined, joined_year, date_precision) for a date given to the day, month or year.

    A month is stored as its first day (``date_precision`` says the day is not
    meaningful); a bare year leaves ``joined`` empty rather than invent a day.
    """
    text = text.strip()
    if not text:
        return "", None, "unknown"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text, int(text[:4]), "day"
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return f"{text}-01", int(text[:4]), "month"
    if re.fullmatch(r"\d{4}", text):
        return "", int(text), "year"
    raise ValueError(f"unrecognised date {text!r}")


def member_type(iso3: pd.Series, un_iso3: set[str]) -> pd.Series:
    """state (UN member or observer State), organisation (no ISO3), else territory."""
    states = un_iso3 | UN_OBSERVER_STATES
    return iso3.map(lambda c: "organisation" if not c else "state" if c in states else "territory")


def _with_dates(frame: pd.DataFrame, given: pd.Series) -> pd.DataFrame:
    parsed = [partial_date(t) for t in given]
    frame["joined"] = iso_dates(pd.Series([p[0] for p in parsed], index=frame.index))
    frame["joined_year"] = pd.array([p[1] for p in parsed], dtype="Int64")
    frame["date_precision"] = [p[2] for p in parsed]
    frame["joined_as_given"] = given.to_numpy()
    return frame


def _un_iso3(sources: Path) -> set[str]:
    return set(read_csv(sources / UN)["iso3"])


def build_fatf_members(sources: Path) -> pd.DataFrame:
    """FATF's 40 members (38 jurisdictions, European Commission, GCC)."""
    raw = read_csv(sources / FATF_MEMBERS)
    given = raw["join_date"].where(raw["join_date"] != "", raw["join_year"])
    frame = pd.DataFrame(
        {"member": raw["member"], "member_type": raw["member_type"], "iso3": raw["iso3"]}
    )
    frame = _with_dates(frame, given)
    return frame.assign(
        status=raw["status"],
        status_note=raw["status_note"],
        basis=raw["basis"],
        source_url=raw["source_url"],
    )


def build_fatf_lists(sources: Path) -> pd.DataFrame:
    """Grey and black lists at each covered plenary (one row per jurisdiction and list)."""
    raw = read_csv(sources / FATF_LISTS)
    return raw.assign(plenary_date=iso_dates(raw["plenary_date"]))


def build_fatf_list_changes(sources: Path) -> pd.DataFrame:
    """Additions and removals between consecutive covered plenaries."""
    raw = read_csv(sources / FATF_CHANGES)
    return raw.assign(
        plenary_date=iso_dates(raw["plenary_date"]),
        previous_covered_plenary=iso_dates(raw["previous_covered_plenary"]),
        gap_in_between=to_bool(raw["gap_in_between"]),
    )


def build_fatf_plenary_coverage(sources: Path) -> pd.DataFrame:
    """Which plenaries' lists are staged, derived, carried over or missing."""
    raw = read_csv(sources / FATF_COVERAGE)
    return raw.assign(
        plenary_date=iso_dates(raw["plenary_date"]),
        n_grey=to_int(raw["n_grey"]),
        n_black=to_int(raw["n_black"]),
    )


def build_fatf_network_bodies(sources: Path) -> pd.DataFrame:
    """The nine FSRBs (associate members) and a partial list of observer organisations."""
    raw = read_csv(sources / FATF_NETWORK)
    relationship = raw["relationship"].str.extract(r"^(\w+)", expand=False)
    return pd.DataFrame(
        {
            "acronym": raw["acronym"],
            "name": raw["name"],
            "relationship": relationship,
            "relationship_as_given": raw["relationship"],
            "source": raw["source"],
        }
    )


def build_fsrb_members(sources: Path) -> pd.DataFrame:
    """Member jurisdictions of the nine FATF-style regional bodies."""
    raw = read_csv(sources / FSRB)
    frame = raw[["body", "body_name", "jurisdiction_as_given", "jurisdiction", "iso3"]].copy()
    frame["member_type"] = member_type(raw["iso3"], _un_iso3(sources))
    frame["membership_type"] = raw["membership_type"]
    frame = _with_dates(frame, raw["joined"])
    return frame.assign(
        also_fatf_member=to_bool(raw["also_fatf_member"]),
        stated_member_count=to_int(raw["stated_member_count"]),
        as_of=raw["as_of"],
        note=raw["note"],
        source_url=raw["source_url"],
    )


def _long(
    body: str,
    member: pd.Series,
    iso3: pd.Series,
    status: pd.Series | str,
    given: pd.Series,
    note: pd.Series | str,
    source: pd.Series | str,
) -> pd.DataFrame:
    frame = pd.DataFrame({"body": body, "member": member, "iso3": iso3, "status": status})
    frame = _with_dates(frame, given)
    return frame.assign(note=note, source=source)


def _coalition(raw: pd.DataFrame) -> pd.DataFrame:
    """The Coalition file states its own precision; map it onto the shared vocabulary.

    "by_date" and "before <date>" become ``on_or_before`` with that date as the bound;
    "between A and B" becomes ``range`` with no date. ``joined_year`` stays empty for
    both, since the year itself is not known.
    """
    frame = _long(
        "Global Coalition",
        raw["member"],
        raw["iso3"],
        "member",
        raw["join_date"],
        raw["note"],
        raw["source_url"],
    )
    precision = raw["join_date_precision"]
    bound = precision.str.extract(r"^before (\S+)$", expand=False)
    on_or_before = (precision == "by_date") | bound.notna()
    ranged = precision.str.startswith("between ")
    frame["joined"] = iso_dates(frame["joined"].where(bound.isna(), bound))
    frame.loc[on_or_before | ranged, "joined_year"] = pd.NA
    frame.loc[on_or_before, "date_precision"] = "on_or_before"
    frame.loc[ranged, "date_precision"] = "range"
    stated = precision.where(on_or_before | ranged, "")
    frame["joined_as_given"] = (raw["join_date"] + " " + stated).str.strip()
    return frame


def build_memberships(sources: Path) -> pd.DataFrame:
    """One long table: which state (or organisation) belongs to which body, since when."""
    un = read_csv(sources / UN)
    interpol = read_csv(sources / INTERPOL)
    sco = read_csv(sources / SCO)
    eu = read_csv(sources / EU)
    gctf = read_csv(sources / GCTF)
    fatf = build_fatf_members(sources)
    coalition = read_csv(sources / COALITION)

    eu_note = (
        "predecessor communities since " + eu["predecessor_communities_accession_date"]
    ).where(eu["predecessor_communities_accession_date"] != "", "")
    eu_note = eu_note.mask(
        eu["eu_founder_1993"] == "yes",
        ("EU member since the Maastricht Treaty (1993-11-01); " + eu_note).str.rstrip("; "),
    )
    interpol_frame = _long(
        "INTERPOL",
        interpol["member"],
        interpol["iso3"],
        "member",
        interpol["join_month"],
        interpol["note"],
        "https://www.interpol.int/en/Who-we-are/Member-countries",
    )
    constitution = interpol["join_month"] == INTERPOL_CONSTITUTION
    interpol_frame.loc[constitution, "date_precision"] = "on_or_before"
    interpol_frame.loc[constitution, "joined_year"] = pd.NA
    interpol_frame.loc[constitution, "note"] = (
        "constitution date, not accession: member before the ICPO-INTERPOL Constitution "
        "of June 1956, which the source uses for all earlier members"
    )
    gctf_note = gctf["note"].mask(
        gctf["founding_member"] == "yes", ("founding member; " + gctf["note"]).str.rstrip("; ")
    )
    fatf_status = fatf["status"].map({"active": "member", "suspended": "suspended"})
    frames = [
        _long(
            "UN",
            un["member_state"],
            un["iso3"],
            "member",
            un["admission_date"],
            un["note"],
            "https://www.un.org/en/about-us/member-states",
        ),
        interpol_frame,
        _long(
            "SCO",
            sco["country"],
            sco["iso3"],
            sco["status"],
            sco["date"],
            sco["note"],
            "https://en.wikipedia.org/wiki/Shanghai_Cooperation_Organisation",
        ),
        _long(
            "EU",
            eu["member_state"],
            eu["iso3"],
            "member",
            eu["eu_accession_date"],
            eu_note,
            "https://european-union.europa.eu/principles-countries-history/eu-countries_en",
        ),
        _long(
            "GCTF",
            gctf["member"],
            gctf["iso3"],
            "member",
            gctf["join_date"],
            gctf_note,
            gctf["source"],
        ),
        fatf[
            ["member", "iso3", "joined", "joined_year", "date_precision", "joined_as_given"]
        ].assign(
            body="FATF", status=fatf_status, note=fatf["status_note"], source=fatf["source_url"]
        ),
        _coalition(coalition),
    ]
    frame = pd.concat(frames, ignore_index=True)
    frame["member_type"] = member_type(frame["iso3"], set(un["iso3"]))
    frame["joined_year"] = frame["joined_year"].astype("Int64")
    frame["coverage"] = frame["body"].map(
        lambda b: "partial" if b in PARTIAL_BODIES else "complete"
    )
    return frame


# --- table specifications ------------------------------------------------------------------
FATF_SOURCE = Source(
    "FATF, High-risk and other monitored jurisdictions",
    "https://www.fatf-gafi.org/en/topics/high-risk-and-other-monitored-jurisdictions.html",
)
FATF_LICENCES = ("fatf-facts",)
LIST_FIELD = Field(
    "list",
    "string",
    "grey = 'Jurisdictions under Increased Monitoring' (before "
    "2020 'On-going Process'); black = 'High-Risk Jurisdictions subject to a Call "
    "for Action' (before 2020 'Public Statement').",
    enum=("grey", "black"),
)
DATE_FIELDS = (
    Field(
        "joined",
        "date",
        "Date of joining: the day, or the first day of the month when "
        "date_precision is 'month', or the latest possible date when it is 'on_or_before'; "
        "empty for 'year', 'range' and 'unknown'.",
    ),
    Field("joined_year", "integer", "Year of joining, only when the year itself is known."),
    Field("date_precision", "string", "How precise 'joined' is.", enum=PRECISIONS),
    Field("joined_as_given", "string", "The date exactly as the source gives it."),
)
MEMBER_TYPE_FIELD = Field(
    "member_type",
    "string",
    "state = UN member or UN observer State (Holy See, Palestine); "
    "organisation = no ISO3 code; territory = any other jurisdiction (e.g. Hong Kong, Aruba, "
    "Kosovo, Taiwan). A data category, not a position on status.",
    enum=MEMBER_TYPES,
)
ISO3_FIELD = Field("iso3", "string", "ISO3 code (country_converter); empty for organisations.")


def _specs() -> tuple[Table, ...]:
    coalition_note = (
        "Global Coalition rows are PARTIAL: 82 members found with evidence (77 States + 5 "
        "organisations) of about 87-90; the missing ones are not guessed. Use the count "
        "timeline in orgs/PROVENANCE.md for totals."
    )
    return (
        Table(
            name="fatf_members",
            title="FATF members and when they joined",
            description="The 40 FATF members (38 jurisdictions, European Commission, Gulf "
            "Co-operation Council); Russia suspended since 2023-02-24.",
            build=build_fatf_members,
            inputs=(FATF_MEMBERS,),
            sources=(
                Source(
                    "FATF, Members and observers",
                    "https://www.fatf-gafi.org/en/countries/fatf.html",
                ),
            ),
            licences=("fatf-facts", "cc-by-sa-4.0"),
            primary_key=("member",),
            fields=(
                Field("member", "string", "Member name.", required=True, unique=True),
                Field(
                    "member_type",
                    "string",
                    "jurisdiction or regional_organisation.",
                    enum=("jurisdiction", "regional_organisation"),
                ),
                ISO3_FIELD,
                *DATE_FIELDS,
                Field("status", "string", "active or suspended.", enum=("active", "suspended")),
                Field("status_note", "string", "Why the status is what it is."),
                Field(
                    "basis",
                    "string",
                    "How the joining date was established; 'compiled' "
                    "means general knowledge, not a retrieved source.",
                ),
                Field("source_url", "string", "Sources."),
            ),
            notes=(
                "Join years of the 1991-92 enlargements, China (2007) and Korea (2009) are "
                "compiled from general knowledge (see basis).",
            ),
        ),
        Table(
            name="fatf_lists",
            title="FATF grey and black lists at each plenary, 2010-2026",
            description="One row per jurisdiction, list and covered plenary. Plenaries "
            "missing from fatf_plenary_coverage are gaps, not empty lists.",
            build=build_fatf_lists,
            inputs=(FATF_LISTS,),
            sources=(FATF_SOURCE,),
            licences=FATF_LICENCES,
            primary_key=("plenary_date", "list", "jurisdiction"),
            fields=(
                Field("plenary_date", "date", "Date of the plenary outcome.", required=True),
                LIST_FIELD,
                Field("jurisdiction", "string", "FATF short name.", required=True),
                Field("iso3", "string", "ISO3 code."),
                Field(
                    "black_category",
                    "string",
                    "Black-list tier; grey rows empty except Uganda Feb 2015.",
                    enum=(
                        "",
                        "countermeasures",
                        "enhanced_due_diligence",
                        "countermeasures_suspended_EDD",
                        "strategic_deficiencies_insufficient_progress",
                        "not_making_sufficient_progress",
                    ),
                ),
                Field(
                    "basis",
                    "string",
                    "full_list_in_source, derived or carried_over.",
                    enum=("full_list_in_source", "derived", "carried_over"),
                ),
                Field("source_urls", "string", "Sources."),
            ),
            notes=(
                "Grey list not staged for 9 plenaries (2010-06 to 2012-02, 2013-06 to "
                "2014-02), black list for 4; see fatf_plenary_coverage.",
                "Facts only: FATF texts are (c) FATF/OECD and are not reproduced.",
            ),
        ),
        Table(
            name="fatf_list_changes",
            title="FATF list additions and removals by plenary",
            description="Set differences between consecutive covered plenaries of the same list.",
            build=build_fatf_list_changes,
            inputs=(FATF_CHANGES,),
            sources=(FATF_SOURCE,),
            licences=FATF_LICENCES,
            primary_key=("plenary_date", "list", "jurisdiction", "change"),
            fields=(
                Field(
                    "plenary_date",
                    "date",
                    "Plenary at which the change is first seen.",
                    required=True,
                ),
                LIST_FIELD,
                Field("jurisdiction", "string", "FATF short name.", required=True),
                Field("iso3", "string", "ISO3 code."),
                Field("change", "string", "added or removed.", enum=("added", "removed")),
                Field("previous_covered_plenary", "date", "The covered plenary compared with."),
                Field(
                    "gap_in_between",
                    "boolean",
                    "True when an uncovered plenary lies in "
                    "between, so the change may be earlier; filter it out for exact dating.",
                ),
            ),
        ),
        Table(
            name="fatf_plenary_coverage",
            title="Which FATF plenaries the lists cover",
            description="For each known plenary 2010-2026: whether the grey and black lists "
            "are staged in full, derived, carried over or not covered, with counts.",
            build=build_fatf_plenary_coverage,
            inputs=(FATF_COVERAGE,),
            sources=(FATF_SOURCE,),
            licences=FATF_LICENCES,
            primary_key=("plenary_date",),
            fields=(
                Field("plenary_date", "date", "Plenary date.", required=True, unique=True),
                Field(
                    "grey_status",
                    "string",
                    "Coverage of the grey list.",
                    enum=("full_list_in_source", "derived", "carried_over", "not_covered"),
                ),
                Field("n_grey", "integer", "Jurisdictions on the grey list; empty if not covered."),
                Field(
                    "black_status",
                    "string",
                    "Coverage of the black list.",
                    enum=("full_list_in_source", "derived", "carried_over", "not_covered"),
                ),
                Field(
                    "n_black", "integer", "Jurisdictions on the black list; empty if not covered."
                ),
                Field("note", "string", "Derivation notes and changes stated at the plenary."),
            ),
        ),
        Table(
            name="fatf_network_bodies",
            title="FATF associate members (FSRBs) and observers",
            description="The nine FATF-style regional bodies and 13 observer organisations "
            "(observer list partial: FATF has about 25).",
            build=build_fatf_network_bodies,
            inputs=(FATF_NETWORK,),
            sources=(
                Source(
                    "Wikipedia, Financial Action Task Force (CC BY-SA 4.0)",
                    "https://en.wikipedia.org/wiki/Financial_Action_Task_Force",
                ),
            ),
            licences=("cc-by-sa-4.0",),
            primary_key=("name",),
            fields=(
                Field("acronym", "string", "Acronym (FSRBs only)."),
                Field("name", "string", "Name.", required=True, unique=True),
                Field(
                    "relationship",
                    "string",
                    "associate_member (an FSRB) or observer_organisation.",
                    enum=("associate_member", "observer_organisation"),
                ),
                Field("relationship_as_given", "string", "Relationship as given."),
                Field("source", "string", "Source."),
            ),
        ),
        Table(
            name="fsrb_members",
            title="Members of the nine FATF-style regional bodies",
            description="One row per body and member jurisdiction (plus two FATF delegations "
            "to MONEYVAL); reference dates differ by body (see as_of).",
            build=build_fsrb_members,
            inputs=(FSRB, UN),
            sources=(
                Source(
                    "FATF, Global network",
                    "https://www.fatf-gafi.org/en/countries/global-network.html",
                ),
            ),
            licences=("compiled-facts",),
            primary_key=("body", "jurisdiction"),
            fields=(
                Field(
                    "body",
                    "string",
                    "FSRB acronym.",
                    enum=(
                        "APG",
                        "CFATF",
                        "EAG",
                        "ESAAMLG",
                        "GABAC",
                        "GAFILAT",
                        "GIABA",
                        "MENAFATF",
                        "MONEYVAL",
                    ),
                ),
                Field("body_name", "string", "FSRB full name."),
                Field("jurisdiction_as_given", "string", "Name exactly as in the source."),
                Field("jurisdiction", "string", "Short name (country_converter).", required=True),
                ISO3_FIELD,
                MEMBER_TYPE_FIELD,
                Field(
                    "membership_type",
                    "string",
                    "member, member_inactive (Afghanistan in "
                    "APG) or fatf_member_delegation (not counted).",
                    enum=("member", "member_inactive", "fatf_member_delegation"),
                ),
                *DATE_FIELDS,
                Field("also_fatf_member", "boolean", "Also a FATF member."),
                Field("stated_member_count", "integer", "Member count the body states."),
                Field("as_of", "string", "Reference date of the list (free text)."),
                Field("note", "string", "Compiler's note."),
                Field("source_url", "string", "Sources."),
            ),
            notes=("Observers are not included. Join dates are missing for most members.",),
        ),
        Table(
            name="memberships",
            title="State memberships of UN, INTERPOL, SCO, EU, GCTF, FATF and the Global "
            "Coalition against Daesh",
            description="One long tidy table: body, member, status and joining date. Global "
            "Coalition coverage is PARTIAL (82 of about 87-90 members).",
            build=build_memberships,
            inputs=MEMBERSHIP_INPUTS,
            sources=(
                Source("UN, Member States", "https://www.un.org/en/about-us/member-states"),
                Source(
                    "INTERPOL, Member countries",
                    "https://www.interpol.int/en/Who-we-are/Member-countries",
                ),
                Source(
                    "Wikipedia, Shanghai Cooperation Organisation (CC BY-SA 4.0)",
                    "https://en.wikipedia.org/wiki/Shanghai_Cooperation_Organisation",
                ),
                Source(
                    "EU, EU countries",
                    "https://european-union.europa.eu/principles-countries-history/eu-countries_en",
                ),
                Source(
                    "GCTF co-chairs' fact sheet (US Department of State, 2011)",
                    "http://www.state.gov/j/ct/rls/other/gctf/173355.htm",
                ),
                Source(
                    "FATF, Members and observers",
                    "https://www.fatf-gafi.org/en/countries/fatf.html",
                ),
                Source(
                    "The Global Coalition against Daesh, partners",
                    "https://theglobalcoalition.org/en/partners/",
                ),
            ),
            licences=("un-terms", "cc-by-sa-4.0", "fatf-facts", "compiled-facts"),
            primary_key=("body", "member"),
            fields=(
                Field("body", "string", "Organisation.", enum=BODIES, required=True),
                Field("member", "string", "Member name as in the body's source.", required=True),
                ISO3_FIELD,
                MEMBER_TYPE_FIELD,
                Field(
                    "status",
                    "string",
                    "member, suspended (Russia in FATF), observer or dialogue_partner (SCO).",
                    enum=STATUSES,
                ),
                *DATE_FIELDS,
                Field(
                    "note",
                    "string",
                    "Caveats, e.g. INTERPOL's 'constitution date, not "
                    "accession' or SCO's Afghanistan 'inactive since September 2021'.",
                ),
                Field("source", "string", "Source page(s)."),
                Field(
                    "coverage",
                    "string",
                    "Whether the body's member list is complete in "
                    "the sources: 'partial' for the Global Coalition (82 of about 87-90).",
                    enum=("complete", "partial"),
                ),
            ),
            notes=(
                coalition_note,
                "INTERPOL: 50 members dated June 1956 in the source joined earlier; June 1956 "
                "is the date of the current Constitution, so they carry date_precision "
                "'on_or_before' and the note 'constitution date, not accession'.",
                "SCO: snapshot of about August 2025; the 2025 'SCO partner' changes are not "
                "captured. Afghanistan's observer status is inactive since September 2021.",
                "EU: joined is the EU accession date (1993-11-01 for the 12 states members "
                "when Maastricht created the EU); earlier community dates are in note.",
                "GCTF: 29 states + EU founded it on 2011-09-22; Kenya and Kuwait joined in "
                "September 2023. A US withdrawal announced in January 2026 is noted, not "
                "applied.",
                "FATF: see fatf_members for how each joining date was established.",
            ),
        ),
    )


TABLES = _specs()
