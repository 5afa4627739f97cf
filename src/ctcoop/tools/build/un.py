"""United Nations tables: Security Council resolutions, vetoes, failed drafts,
the consolidated sanctions list (minimised), the 19 instruments and ICSFT parties."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pandas as pd

from .common import iso_dates, read_csv, split_list, to_bool, to_int
from .countries import names_to_iso3
from .schema import Field, Source, Table

RESOLUTIONS_DHL = "un/unsc_resolutions_1946-2022_dhl.csv"
RESOLUTIONS_COMPILED = "un/unsc_resolutions_2022-2025_terrorism_compiled.csv"
VETOES = "un/unsc_vetoes_1946-2022_dhl.csv"
FAILED_DRAFTS = "un/unsc_draft_resolutions_not_adopted_1946-2022_dhl.csv"
SANCTIONS_XML = "un/un_sc_consolidated_sanctions_list_2025-11-20.xml"
INSTRUMENTS = "un/counter_terrorism_instruments_19_compiled.csv"
ICSFT = "un/icsft_parties.csv"

# --- terrorism flag -------------------------------------------------------------------------
# Rule 1: the DHL topic (agenda item) contains "terror" (any case).
# Rule 2: the resolution number is in LANDMARKS, because its topic does not say what it
#         is about (e.g. "Afghanistan", "Threats to international peace and security").
#         Each entry names its reason; the list is deliberately short.
# Rule 3: every row of the compiled 2022-2025 file (it lists only terrorism-related ones).
TOPIC_RULE = "topic mentions terror"
COMPILED_RULE = "compiled 2022-2025 terrorism list"
LANDMARKS: dict[int, str] = {
    **dict.fromkeys(
        (1267, 1333, 1363, 1390),
        "listed: 1267 Al-Qaida/Taliban sanctions regime (topic 'Afghanistan')",
    ),
    **dict.fromkeys(
        (2379, 2490, 2544, 2597),
        "listed: UNITAD, accountability for ISIL/Da'esh crimes (generic topic)",
    ),
    2482: "listed: terrorism and organized crime (generic topic)",
    **dict.fromkeys(
        (731, 748, 883, 1192, 1506),
        "listed: Libya sanctions over the Lockerbie and UTA 772 bombings",
    ),
    **dict.fromkeys(
        (1044, 1054, 1070, 1372),
        "listed: Sudan sanctions over the 1995 attempt on President Mubarak",
    ),
    **dict.fromkeys(
        (286, 579, 635, 638),
        "listed: hijacking, hostage-taking, plastic explosives (pre-'terrorism' topic)",
    ),
}
TERRORISM_RULES = (TOPIC_RULE, *sorted(set(LANDMARKS.values())), COMPILED_RULE)
PARTS = ("dhl_1946_2022", "compiled_terrorism_2022_2025")

P5 = {
    "China": "china",
    "France": "france",
    "USSR": "russia_ussr",
    "Russian Federation": "russia_ussr",
    "United Kingdom": "uk",
    "United States": "us",
}

# UN_LIST_TYPE -> regime, as in un/PROVENANCE.md section 4.
REGIMES: dict[str, str] = {
    "Al-Qaida": "ISIL (Da'esh) & Al-Qaida",
    "DPRK": "DPRK",
    "Taliban": "1988 (2011) Taliban",
    "Iran": "Iran",
    "Iraq": "Iraq",
    "DRC": "DRC",
    "Libya": "Libya",
    "Somalia": "Somalia",
    "CAR": "CAR",
    "Haiti": "Haiti",
    "Yemen": "Yemen",
    "GB": "Guinea-Bissau",
    "SouthSudan": "South Sudan",
    "Sudan": "Sudan",
}
NO_NATIONALITY = {"", "na"}
# The source's own 0/1 flag misses two wordings ("without a vote", "adopted by consensus").
WITHOUT_VOTE = r"without (?:a )?vote|by consensus"
# xs:date values may carry a time-zone suffix ("2015-03-27-04:00", 10 records); the
# calendar date is the first ten characters, and the suffix is dropped.
_XS_DATE_TZ = r"(Z|[+-]\d{2}:\d{2})$"


def terrorism_rule(res_no: int, topic: str) -> str:
    """Which documented rule flags a DHL resolution as terrorism-related ("" if none)."""
    if "terror" in topic.lower():
        return TOPIC_RULE
    return LANDMARKS.get(res_no, "")


def _unanimous(frame: pd.DataFrame) -> pd.Series:
    """True when a tally shows no votes against and no abstentions, or the text says
    "unanimously"; False for other tallies and for adoptions without a vote; NA when
    the source prints no result."""
    tally = frame["yes"].notna()
    out = pd.Series(pd.NA, index=frame.index, dtype="boolean")
    out[tally] = (frame["no"][tally] == 0) & (frame["abstain"][tally] == 0)
    text = ~tally & frame["adopted_unanimously_text"].astype(bool)
    out[text] = True
    out[~tally & ~text & frame["adopted_without_vote"].astype(bool)] = False
    return out


def _resolutions(raw: pd.DataFrame, part: str) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "res_no": to_int(raw["res_no"]),
            "symbol": raw["symbol"],
            "year": to_int(raw["res_year"]),
            "adoption_date": iso_dates(raw["adoption_date"]),
            "meeting_record": raw["meeting_record"],
            "topic": raw["dhl_topic"],
            "vote_text": raw["vote_text"],
            "yes": to_int(raw["yes"]),
            "no": to_int(raw["no"]),
            "abstain": to_int(raw["abstain"]),
            "adopted_without_vote": to_bool(raw["adopted_without_vote"])
            | raw["vote_text"].str.contains(WITHOUT_VOTE, case=False),
            "adopted_unanimously_text": to_bool(raw["adopted_unanimously_text"]),
            "press_release": raw["press_release"],
            "compiler_note": raw["compiler_note"],
            "part": part,
            "terrorism_link": raw.get("terrorism_link", ""),
            "abstaining_members": raw.get("abstaining_members", ""),
        }
    )
    frame["unanimous"] = _unanimous(frame)
    return frame.drop(columns="adopted_unanimously_text")


def build_unsc_resolutions(sources: Path) -> pd.DataFrame:
    """DHL resolutions 1-2640 plus the compiled terrorism-related ones of 2022-2025."""
    dhl = _resolutions(read_csv(sources / RESOLUTIONS_DHL), PARTS[0])
    dhl["terrorism_rule"] = [
        terrorism_rule(int(n), t) for n, t in zip(dhl["res_no"], dhl["topic"], strict=True)
    ]
    compiled = _resolutions(read_csv(sources / RESOLUTIONS_COMPILED), PARTS[1])
    compiled["terrorism_rule"] = COMPILED_RULE
    overlap = set(dhl["res_no"]) & set(compiled["res_no"])
    if overlap:
        raise ValueError(f"resolutions in both parts: {sorted(overlap)}")
    frame = pd.concat([dhl, compiled], ignore_index=True)
    frame["terrorism_related"] = (frame["terrorism_rule"] != "").astype("boolean")
    return frame


def _normalise_vetoers(cell: str) -> str:
    names = split_list(cell, ";")
    unknown = set(names) - set(P5)
    if unknown:
        raise ValueError(f"unknown permanent members: {unknown}")
    return ";".join(sorted(names))


def build_unsc_vetoes(sources: Path) -> pd.DataFrame:
    """The DHL veto list, one row per vetoed draft, with a flag per permanent seat."""
    raw = read_csv(sources / VETOES)
    vetoed_by = raw["permanent_members_casting_negative_vote"].map(_normalise_vetoers)
    frame = pd.DataFrame(
        {
            "date": iso_dates(raw["date"]),
            "year": to_int(raw["date"].str[:4]),
            "date_text": raw["date_text"],
            "draft_symbol": raw["draft_symbol"],
            "meeting_record": raw["meeting_record"],
            "agenda_item": raw["agenda_item"],
            "vetoed_by": vetoed_by,
            "n_vetoing_members": vetoed_by.map(lambda s: len(s.split(";"))).astype("Int64"),
        }
    )
    for seat in dict.fromkeys(P5.values()):
        members = {name for name, s in P5.items() if s == seat}
        frame[f"veto_{seat}"] = vetoed_by.map(
            lambda s, m=members: bool(m & set(s.split(";")))
        ).astype("boolean")
    return frame


def build_unsc_failed_drafts(sources: Path) -> pd.DataFrame:
    """Drafts the DHL meeting tables report as vetoed or not adopted."""
    raw = read_csv(sources / FAILED_DRAFTS)
    return pd.DataFrame(
        {
            "date": iso_dates(raw["date"]),
            "year": to_int(raw["date"].str[:4]),
            "meeting_record": raw["meeting_record"],
            "topic": raw["dhl_topic"],
            "draft_symbol": raw["draft_symbol"],
            "outcome": raw["outcome"],
            "vetoed_by_as_printed": raw["vetoed_by_as_printed"],
            "vetoed_by": raw["vetoed_by"].map(lambda s: _normalise_vetoers(s) if s else ""),
            "yes": to_int(raw["yes"]),
            "no": to_int(raw["no"]),
            "abstain": to_int(raw["abstain"]),
        }
    )


def build_sanctions_list(sources: Path) -> pd.DataFrame:
    """The consolidated list minimised to what the course analyses: no names, birth
    data, addresses, aliases, documents or comments are ever read into the frame."""
    root = ET.parse(sources / SANCTIONS_XML).getroot()
    rows = []
    for kind in ("INDIVIDUAL", "ENTITY"):
        for record in root.iter(kind):
            nationalities = [
                v.text.strip()
                for v in record.findall("NATIONALITY/VALUE")
                if v.text and v.text.strip() not in NO_NATIONALITY
            ]
            list_type = record.findtext("UN_LIST_TYPE", "").strip()
            rows.append(
                {
                    "reference_number": record.findtext("REFERENCE_NUMBER", "").strip(),
                    "entry_type": kind.lower(),
                    "un_list_type": list_type,
                    "regime": REGIMES[list_type],
                    "listed_on": record.findtext("LISTED_ON", "").strip(),
                    "nationalities": nationalities,
                }
            )
    frame = pd.DataFrame(rows)
    frame["listed_on"] = iso_dates(frame["listed_on"].str.replace(_XS_DATE_TZ, "", regex=True))
    nationalities = frame.pop("nationalities")
    frame["nationality_iso3"] = [";".join(c for c in names_to_iso3(n) if c) for n in nationalities]
    frame["n_nationalities"] = nationalities.map(len).astype("Int64")
    return frame


def build_ct_instruments(sources: Path) -> pd.DataFrame:
    """The 19 universal instruments, with the years from adoption to entry into force."""
    raw = read_csv(sources / INSTRUMENTS)
    adopted = pd.to_datetime(iso_dates(raw["adopted_or_concluded"]), format="%Y-%m-%d")
    in_force = pd.to_datetime(iso_dates(raw["entry_into_force"]), format="%Y-%m-%d")
    return pd.DataFrame(
        {
            "no": to_int(raw["instrument_no"]),
            "short_name": raw["short_name"],
            "full_title": raw["full_title"],
            "year": to_int(raw["year"]),
            "adopted": iso_dates(raw["adopted_or_concluded"]),
            "place": raw["place"],
            "adopted_by": raw["adopted_by"],
            "opened_for_signature": iso_dates(raw["opened_for_signature"]),
            "entry_into_force": iso_dates(raw["entry_into_force"]),
            "depositary": raw["depositary"],
            "untc_chapter_ref": raw["untc_chapter_ref"],
            "signatories_reported": to_int(raw["signatories_reported"]),
            "parties_reported": to_int(raw["parties_reported"]),
            "parties_as_of": raw["parties_as_of"],
            "parties_2001": to_int(raw["parties_2001_ukparl_annex"]),
            "years_to_entry_into_force": ((in_force - adopted).dt.days / 365.25).round(1),
            "parties_source_url": raw["parties_source_url"],
            "fact_source_urls": raw["fact_source_urls"],
            "notes": raw["notes"],
        }
    )


def build_icsft_parties(sources: Path) -> pd.DataFrame:
    """Party status to the 1999 Financing Convention (no dates: none were found)."""
    raw = read_csv(sources / ICSFT)
    if (raw["ratification_accession_date"] != "").any():
        raise ValueError("icsft_parties now has dates: add the column to the table")
    return pd.DataFrame(
        {
            "state": raw["state"],
            "iso3": raw["iso3"],
            "un_member": to_bool(raw["un_member"]),
            "party_status": raw["party_status"],
            "status_confidence": raw["status_confidence"],
            "action_type": raw["action_type"],
            "status_basis": raw["status_basis"],
            "as_of": raw["as_of"],
            "note": raw["note"],
            "source_urls": raw["source_urls"],
        }
    )


# --- table specifications ------------------------------------------------------------------
DHL_SOURCE = Source(
    "UN Dag Hammarskjöld Library, 'Meetings conducted by the Security Council "
    "in YYYY' (one page per year)",
    "https://research.un.org/en/docs/sc/quick/meetings",
)
DHL_TERMS = ("un-terms",)
PARTS_NOTE = (
    "Two parts: 'dhl_1946_2022' holds every resolution 1-2640 (to 2022-06-29); "
    "'compiled_terrorism_2022_2025' holds ONLY terrorism-related resolutions "
    "2651-2810, compiled from press releases, and is not guaranteed complete. "
    "Never count all resolutions per year after mid-2022."
)
TERRORISM_NOTE = (
    "terrorism_related is true when (1) the DHL topic contains 'terror' (any case); or "
    "(2) the number is in a short list of resolutions whose topic is uninformative: "
    "1267, 1333, 1363, 1390 (1267 sanctions regime, topic 'Afghanistan'); 2379, 2490, 2544, "
    "2597 (UNITAD); 2482 (terrorism and organized crime); 731, 748, 883, 1192, 1506 "
    "(Libya/Lockerbie and UTA 772 sanctions); 1044, 1054, 1070, 1372 (Sudan sanctions after "
    "the 1995 attempt on President Mubarak); 286, 579, 635, 638 (hijacking, hostage-taking, "
    "plastic explosives); or (3) the row comes from the compiled 2022-2025 list. "
    "terrorism_rule names the rule. Deliberately NOT flagged: general Afghanistan, Somalia "
    "(AMISOM, 751 regime), Iraq and Mali mandates, 1540 (WMD non-proliferation) and the "
    "Hariri/Lebanon resolutions. The compiled part does include Al-Shabaab sanctions and AU "
    "missions in Somalia (terrorism_link says which); filter them out to compare with the "
    "DHL part."
)
UNANIMOUS_NOTE = (
    "unanimous: with a printed tally, true when no votes against and no abstentions (a "
    "member absent or not participating does not break it, e.g. 14-0-0); without a tally, "
    "true when the text says 'unanimously', false when adopted without a vote or by "
    "consensus, empty when the page prints no result (431, 432, 1987, 2036, 2311)."
)

RESOLUTION_FIELDS = (
    Field("res_no", "integer", "Resolution number.", required=True, unique=True),
    Field("symbol", "string", "Document symbol, e.g. 'S/RES/1373 (2001)'."),
    Field(
        "year",
        "integer",
        "Year of adoption (from the symbol; corrected where the printed label was wrong).",
    ),
    Field(
        "adoption_date",
        "date",
        "Date of adoption; empty for 48, 56, 58, 66 (1948) and "
        "2741 (2024), whose dates the sources do not give.",
    ),
    Field("meeting_record", "string", "Verbatim record of the meeting (S/PV.…); may be empty."),
    Field(
        "topic",
        "string",
        "Meeting topic as printed by the DHL (usually the agenda item; not the resolution title).",
    ),
    Field("vote_text", "string", "The vote as printed, e.g. '15-0-0', 'adopted unanimously'."),
    Field("yes", "integer", "Votes in favour; empty when no tally is printed."),
    Field("no", "integer", "Votes against; empty when no tally is printed."),
    Field("abstain", "integer", "Abstentions; empty when no tally is printed."),
    Field(
        "adopted_without_vote",
        "boolean",
        "Adopted without a vote or by consensus "
        "(source flag, plus the wordings 'without a vote' and 'by consensus').",
    ),
    Field("unanimous", "boolean", "No votes against and no abstentions; see notes for the rule."),
    Field("terrorism_related", "boolean", "Flagged by the documented rule in the notes."),
    Field(
        "terrorism_rule",
        "string",
        "Which rule flagged it; empty when not flagged.",
        enum=("", *TERRORISM_RULES),
    ),
    Field("part", "string", "Which source part the row comes from.", enum=PARTS),
    Field(
        "terrorism_link",
        "string",
        "Compiled part only: the counter-terrorism track "
        "(1267 regime, UNITAD, Al-Shabaab sanctions, AU mission, …).",
    ),
    Field("abstaining_members", "string", "Compiled part only: members that abstained."),
    Field("press_release", "string", "UN press release number (SC/…), where known."),
    Field("compiler_note", "string", "The compiler's note on a source problem and its fix."),
)


def _specs() -> tuple[Table, ...]:
    instruments_source = Source(
        "UN Counter-Terrorism Committee, International legal instruments",
        "https://www.un.org/sc/ctc/resources/international-legal-instruments/",
    )
    return (
        Table(
            name="unsc_resolutions",
            title="UN Security Council resolutions 1946-2022, plus terrorism-related 2022-2025",
            description="One row per resolution: number, date, meeting, topic and vote, with a "
            "reproducible terrorism flag. The 2022-2025 part lists only terrorism-related "
            "resolutions.",
            build=build_unsc_resolutions,
            inputs=(RESOLUTIONS_DHL, RESOLUTIONS_COMPILED),
            sources=(
                DHL_SOURCE,
                Source(
                    "UN press releases (Security Council), compiled 2022-2025",
                    "https://press.un.org/en/content/security-council",
                ),
            ),
            licences=DHL_TERMS,
            fields=RESOLUTION_FIELDS,
            primary_key=("res_no",),
            notes=(
                PARTS_NOTE,
                TERRORISM_NOTE,
                UNANIMOUS_NOTE,
                "The DHL page's duplicate labels were corrected by the compiler (663->666, "
                "701->695); see compiler_note. There are no per-member votes.",
            ),
        ),
        Table(
            name="unsc_vetoes",
            title="Security Council vetoes 1946-2022 (DHL veto list)",
            description="One row per vetoed draft, with the permanent members that voted "
            "against it.",
            build=build_unsc_vetoes,
            inputs=(VETOES,),
            sources=(
                Source(
                    "UN Dag Hammarskjöld Library, Security Council - Veto List",
                    "https://research.un.org/en/docs/sc/quick/veto",
                ),
            ),
            licences=DHL_TERMS,
            sort_by=("date",),
            fields=(
                Field("date", "date", "Date of the vote (first day of a printed range)."),
                Field("year", "integer", "Year of the vote."),
                Field("date_text", "string", "The date as printed."),
                Field(
                    "draft_symbol",
                    "string",
                    "Symbol of the vetoed draft (early years: the meeting record).",
                ),
                Field("meeting_record", "string", "Verbatim record of the meeting."),
                Field("agenda_item", "string", "Agenda item as printed."),
                Field(
                    "vetoed_by",
                    "string",
                    "Permanent members voting against, ';'-separated, "
                    "alphabetical; USSR and Russian Federation kept apart.",
                ),
                Field("n_vetoing_members", "integer", "How many permanent members voted against."),
                Field("veto_china", "boolean", "China voted against."),
                Field("veto_france", "boolean", "France voted against."),
                Field(
                    "veto_russia_ussr",
                    "boolean",
                    "USSR (to 1991) or Russian Federation voted against (the same permanent seat).",
                ),
                Field("veto_uk", "boolean", "United Kingdom voted against."),
                Field("veto_us", "boolean", "United States voted against."),
            ),
            notes=(
                "Counts per member: USSR 90, Russian Federation 30, United States 82, "
                "United Kingdom 29, France 17, China 17 (to 2022-05-26). Rows are sorted "
                "by date, then in source order; a few drafts share a date and symbol, so "
                "there is no primary key.",
            ),
        ),
        Table(
            name="unsc_failed_drafts",
            title="Security Council drafts not adopted 1946-2022 (from the DHL meeting tables)",
            description="Drafts reported as vetoed or not adopted for lack of votes. Use "
            "unsc_vetoes for vetoes: this table catches only 196 of the 213.",
            build=build_unsc_failed_drafts,
            inputs=(FAILED_DRAFTS,),
            sources=(DHL_SOURCE,),
            licences=DHL_TERMS,
            sort_by=("date",),
            fields=(
                Field("date", "date", "Date of the vote; empty for 2 rows the page leaves blank."),
                Field("year", "integer", "Year of the vote."),
                Field("meeting_record", "string", "Verbatim record of the meeting."),
                Field("topic", "string", "Meeting topic as printed."),
                Field(
                    "draft_symbol",
                    "string",
                    "Draft symbol (before ~1950 often the meeting record).",
                ),
                Field(
                    "outcome", "string", "vetoed or not adopted.", enum=("vetoed", "not adopted")
                ),
                Field("vetoed_by_as_printed", "string", "Vetoing members as printed."),
                Field("vetoed_by", "string", "Vetoing members, ';'-separated, alphabetical."),
                Field("yes", "integer", "Votes in favour."),
                Field("no", "integer", "Votes against."),
                Field("abstain", "integer", "Abstentions."),
            ),
        ),
        Table(
            name="sanctions_list",
            title="UN Security Council Consolidated Sanctions List, 2025-11-20 (minimised)",
            description="One row per listed individual or entity: reference number, type, "
            "regime, listing date and nationality only. Names, birth data, addresses, "
            "aliases, documents and comments are deliberately left out (data minimisation).",
            build=build_sanctions_list,
            inputs=(SANCTIONS_XML,),
            sources=(
                Source(
                    "UN Security Council Consolidated List (XML)",
                    "https://scsanctions.un.org/resources/xml/en/consolidated.xml",
                ),
            ),
            licences=DHL_TERMS,
            primary_key=("reference_number",),
            fields=(
                Field(
                    "reference_number",
                    "string",
                    "UN reference, e.g. QDi.006 (QD = ISIL/Al-Qaida, i = individual, e = entity).",
                    required=True,
                    unique=True,
                ),
                Field(
                    "entry_type", "string", "individual or entity.", enum=("individual", "entity")
                ),
                Field("un_list_type", "string", "UN_LIST_TYPE as in the XML.", enum=tuple(REGIMES)),
                Field(
                    "regime",
                    "string",
                    "Sanctions regime (readable name of UN_LIST_TYPE).",
                    enum=tuple(REGIMES.values()),
                ),
                Field(
                    "listed_on", "date", "Date of listing (time-zone suffix of 10 records dropped)."
                ),
                Field(
                    "nationality_iso3",
                    "string",
                    "ISO3 codes of the stated nationalities, "
                    "';'-separated, in source order; empty when none is stated.",
                ),
                Field(
                    "n_nationalities",
                    "integer",
                    "Number of nationalities stated (may exceed "
                    "the ISO3 codes: 'former Soviet Union' has no code).",
                ),
            ),
            notes=(
                "The list holds current entries only: delisted people and entities are "
                "absent, so listings per year undercount early years.",
                "Nationality names were converted with country_converter; 'na' means none "
                "stated; 'former Soviet Union' (QDi.290, with Russian Federation) has no "
                "ISO3 code.",
                "Personal data minimised on purpose: the official XML names real people; "
                "consult the UN's own list when identity matters.",
            ),
        ),
        Table(
            name="ct_instruments",
            title="The 19 universal legal instruments against terrorism",
            description="Adoption, signature and entry-into-force dates, depositary and "
            "reported numbers of parties (of different dates) for the 19 instruments.",
            build=build_ct_instruments,
            inputs=(INSTRUMENTS,),
            sources=(instruments_source,),
            licences=("compiled-facts",),
            primary_key=("no",),
            fields=(
                Field(
                    "no",
                    "integer",
                    "Number 1-19 in the UN CTC ordering.",
                    required=True,
                    unique=True,
                ),
                Field("short_name", "string", "Short name with year."),
                Field("full_title", "string", "Full title."),
                Field("year", "integer", "Year of the instrument."),
                Field("adopted", "date", "Date adopted or concluded."),
                Field("place", "string", "Place of adoption."),
                Field("adopted_by", "string", "Conference or organ that adopted it."),
                Field("opened_for_signature", "date", "Opened for signature (empty if not found)."),
                Field("entry_into_force", "date", "Entry into force."),
                Field("depositary", "string", "Depositary."),
                Field(
                    "untc_chapter_ref",
                    "string",
                    "UN Treaty Collection chapter (UN-deposited instruments only).",
                ),
                Field("signatories_reported", "integer", "Signatories, where reported."),
                Field(
                    "parties_reported",
                    "integer",
                    "Parties reported, as of parties_as_of; "
                    "empty for 5 instruments (no recent count found).",
                ),
                Field(
                    "parties_as_of",
                    "string",
                    "Date or source of the parties count (free text: sources differ in date).",
                ),
                Field(
                    "parties_2001",
                    "integer",
                    "Parties around September 2001 (UK Parliament annex).",
                ),
                Field(
                    "years_to_entry_into_force",
                    "number",
                    "Years from adoption to entry into force (days / 365.25, one decimal).",
                ),
                Field("parties_source_url", "string", "Where the parties count comes from."),
                Field("fact_source_urls", "string", "Pages the dates were checked against."),
                Field("notes", "string", "Compiler's notes."),
            ),
            notes=(
                "Parties counts come from sources of different dates (often Wikipedia "
                "mirrors): read them as 'at least this many, as of parties_as_of'.",
            ),
        ),
        Table(
            name="icsft_parties",
            title="Parties to the 1999 Terrorist Financing Convention, by State",
            description="Party status of the 193 UN members plus Holy See, Cook Islands, Niue "
            "and State of Palestine. No ratification dates (none were found).",
            build=build_icsft_parties,
            inputs=(ICSFT,),
            sources=(
                Source(
                    "UN Treaty Collection, chapter XVIII-11",
                    "https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&"
                    "mtdsg_no=XVIII-11&chapter=18",
                ),
                Source(
                    "Wikipedia, International Convention for the Suppression of the "
                    "Financing of Terrorism (CC BY-SA 4.0)",
                    "https://en.wikipedia.org/wiki/International_Convention_for_the_"
                    "Suppression_of_the_Financing_of_Terrorism",
                ),
            ),
            licences=("cc-by-sa-4.0", "un-terms"),
            primary_key=("state",),
            fields=(
                Field("state", "string", "State name (UN short name).", required=True, unique=True),
                Field("iso3", "string", "ISO3 code."),
                Field("un_member", "boolean", "UN member State."),
                Field(
                    "party_status",
                    "string",
                    "Status.",
                    enum=("party", "not_party", "not_determined"),
                ),
                Field(
                    "status_confidence",
                    "string",
                    "How sure the compiler is; 'medium "
                    "(inferred)' = a UN member not named among non-parties.",
                ),
                Field("action_type", "string", "Ratification/accession type where stated."),
                Field("status_basis", "string", "How the status was established."),
                Field("as_of", "string", "Reference date of the status (free text)."),
                Field("note", "string", "Compiler's note."),
                Field("source_urls", "string", "Sources."),
            ),
            notes=(
                "186 of the 187 UN-member 'party' rows are inferred (status_confidence "
                "'medium (inferred)'), not read from the UNTC table; the "
                "total may be 189 rather than 190. Check the UNTC page before teaching an "
                "exact number.",
            ),
        ),
    )


TABLES = _specs()
