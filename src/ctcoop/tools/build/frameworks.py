"""Legal and policy frameworks: who joined five UN conventions and when, the General
Assembly's Global Counter-Terrorism Strategy, and a small course-compiled table of
regional counter-terrorism instruments.

The UN Treaty Collection status pages were scraped in 2014, so later joiners are
missing from them. For the Financing Convention, ``icsft_parties`` (a later status
without dates) names the parties the 2014 pages lack; they are added as parties
*whose date the data do not hold*, never with a guessed date.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pandas as pd

from .common import iso_dates, read_csv, to_int
from .countries import names_to_iso3
from .schema import SNAPSHOT_2026_12_01, Field, Source, Table

__all__ = [
    "CONVENTIONS",
    "REGIONAL_INSTRUMENTS",
    "TABLES",
    "build_ga_ct_strategy",
    "build_regional_ct_frameworks",
    "build_treaty_participation",
    "parse_untc_cell",
]

GA_STRATEGY = "un/ga_global_ct_strategy_resolutions_compiled.csv"
ICSFT = "un/icsft_parties.csv"

# key: (file, UNTC reference, convention name, date the scraped status page was last
# committed, per un/PROVENANCE.md section 9: the status "as of" that day at the latest).
CONVENTIONS: dict[str, tuple[str, str, str, str]] = {
    "protected_persons_1973": (
        "un/untc_XVIII-7_protected_persons_2014.csv",
        "XVIII-7",
        "Internationally Protected Persons Convention (1973)",
        "2014-01-27",
    ),
    "hostages_1979": (
        "un/untc_XVIII-5_hostages_2014.csv",
        "XVIII-5",
        "Hostages Convention (1979)",
        "2014-03-19",
    ),
    "bombings_1997": (
        "un/untc_XVIII-9_terrorist_bombings_2014.csv",
        "XVIII-9",
        "Terrorist Bombings Convention (1997)",
        "2014-03-19",
    ),
    "financing_1999": (
        "un/untc_XVIII-11_financing_2014.csv",
        "XVIII-11",
        "Terrorist Financing Convention (1999)",
        "2014-07-10",
    ),
    "nuclear_2005": (
        "un/untc_XVIII-15_nuclear_terrorism_2014.csv",
        "XVIII-15",
        "Nuclear Terrorism Convention (2005)",
        "2014-07-10",
    ),
}
LATER_JOINERS_FROM = {"financing_1999": ICSFT}

# The letter UNTC prints after the date of consent to be bound; no letter = ratification.
CONSENT_KINDS = {
    "": "ratification",
    "a": "accession",
    "A": "acceptance",
    "AA": "approval",
    "d": "succession",
}
STATUSES = ("party", "signatory", "party_after_snapshot_undated")
_UNTC_CELL = re.compile(r"(\d{1,2} [A-Z][a-z]{2} \d{4})\s*([A-Za-z]*)")


def parse_untc_cell(cell: str) -> tuple[str, str]:
    """``'24 Sep 2003 a'`` -> ``('2003-09-24', 'a')``; ``''`` -> ``('', '')``; else raises."""
    text = cell.strip()
    if not text:
        return "", ""
    match = _UNTC_CELL.fullmatch(text)
    if not match:
        raise ValueError(f"unexpected UNTC cell: {cell!r}")
    date = datetime.strptime(match.group(1), "%d %b %Y").date().isoformat()
    return date, match.group(2)


def _one_convention(sources: Path, key: str) -> pd.DataFrame:
    file, ref, name, snapshot = CONVENTIONS[key]
    raw = read_csv(sources / file)
    participant, signature, consent = raw.columns
    signed = raw[signature].map(parse_untc_cell)
    bound = raw[consent].map(parse_untc_cell)
    letters = {s[1] for s in signed} - {"", "d"}
    unknown = {b[1] for b in bound} - set(CONSENT_KINDS)
    if letters or unknown:
        raise ValueError(f"{file}: unexpected type letters {sorted(letters | unknown)}")
    is_bound = bound.map(lambda b: b[0] != "")
    return pd.DataFrame(
        {
            "convention": key,
            "convention_name": name,
            "untc_ref": ref,
            "participant": raw[participant].str.strip(),
            "signed": iso_dates(signed.map(lambda s: s[0])),
            "signed_by_succession": signed.map(lambda s: s[1] == "d").astype("boolean"),
            "bound": iso_dates(bound.map(lambda b: b[0])),
            "consent": [CONSENT_KINDS[b[1]] if b[0] else "" for b in bound],
            "status": is_bound.map({True: "party", False: "signatory"}),
            "status_source": "untc_2014",
            "snapshot_date": snapshot,
        }
    )


def _later_joiners(sources: Path, key: str, known_iso3: set[str]) -> pd.DataFrame:
    """Parties in the later status table that the 2014 snapshot lacks (no dates)."""
    later = read_csv(sources / LATER_JOINERS_FROM[key])
    new = later[(later["party_status"] == "party") & ~later["iso3"].isin(known_iso3)]
    _, ref, name, _ = CONVENTIONS[key]
    return pd.DataFrame(
        {
            "convention": key,
            "convention_name": name,
            "untc_ref": ref,
            "participant": new["state"].to_numpy(),
            "iso3": new["iso3"].to_numpy(),
            "signed": "",
            "signed_by_succession": pd.array([pd.NA] * len(new), dtype="boolean"),
            "bound": "",
            "consent": "",
            "status": "party_after_snapshot_undated",
            "status_source": "icsft_parties",
            "snapshot_date": "",
        }
    )


def build_treaty_participation(sources: Path) -> pd.DataFrame:
    """One row per convention and participant: signature, consent to be bound and its kind."""
    parts = []
    for key in CONVENTIONS:
        frame = _one_convention(sources, key)
        frame["iso3"] = names_to_iso3(frame["participant"])
        missing = frame.loc[frame["iso3"] == "", "participant"].tolist()
        if missing:
            raise ValueError(f"no ISO3 code for {missing}")
        parts.append(frame)
        if key in LATER_JOINERS_FROM:
            parts.append(_later_joiners(sources, key, set(frame["iso3"])))
    return pd.concat(parts, ignore_index=True)


# --- the General Assembly's Global Counter-Terrorism Strategy -------------------------------
GA_KINDS = ("adoption", "review", "related")
GA_VERIFICATION = ("verified", "date verified; number to verify")
_REVIEW = re.compile(r"(\d)(?:st|nd|rd|th) review")
_WITHOUT_VOTE = re.compile(r"yes \((.+)\)")


def build_ga_ct_strategy(sources: Path) -> pd.DataFrame:
    """The Strategy's adoption, its reviews and the resolution creating UNOCT, with the
    compilers' verification flags kept as they are."""
    raw = read_csv(sources / GA_STRATEGY)
    review = raw["kind"].str.extract(_REVIEW, expand=False)
    kind = raw["kind"].where(review.isna(), "review")
    vote = raw["adopted_without_vote"].str.extract(_WITHOUT_VOTE, expand=False)
    if vote.isna().any() or not kind.isin(GA_KINDS).all():
        raise ValueError("unexpected kind or vote text in the GA Strategy file")
    if not raw["verification"].isin(GA_VERIFICATION).all():
        raise ValueError("unexpected verification flag in the GA Strategy file")
    return pd.DataFrame(
        {
            "ga_resolution": raw["ga_resolution"],
            "symbol": "A/RES/" + raw["ga_resolution"],
            "session": to_int(raw["ga_resolution"].str.split("/").str[0]),
            "adoption_date": iso_dates(raw["adoption_date"]),
            "year": to_int(raw["adoption_date"].str[:4]),
            "kind": kind,
            "review_no": to_int(review.fillna("")),
            "description": raw["description"],
            "adopted_without_vote": pd.array([True] * len(raw), dtype="boolean"),
            "vote_note": vote,
            "verification": raw["verification"],
            "number_verified": (raw["verification"] == "verified").astype("boolean"),
            "source": raw["source"],
        }
    )


# --- regional frameworks (compiled by the course, 2026-12-01) -------------------------------
# Only what was read in at least one archived public page, named in ``sources``. A date
# left empty was not found, or the pages read disagree (the note says which).
REGIONAL_INSTRUMENTS: tuple[dict[str, str], ...] = (
    {
        "organisation": "Council of Europe",
        "instrument": "European Convention on the Suppression of Terrorism (ETS No. 090)",
        "kind": "treaty",
        "year": "1977",
        "adopted": "1977-01-27",
        "place": "Strasbourg",
        "entry_into_force": "1978-08-04",
        "note": "Opened for signature on the adopted date; in force after 3 ratifications.",
        "sources": "https://www.coe.int/en/web/conventions/full-list/-/conventions/treaty/090",
    },
    {
        "organisation": "SAARC",
        "instrument": "SAARC Regional Convention on Suppression of Terrorism",
        "kind": "treaty",
        "year": "1987",
        "adopted": "",
        "place": "Kathmandu",
        "entry_into_force": "",
        "note": "Signed at the Third SAARC Summit, Kathmandu, November 1987 (exact day not "
        "confirmed). Entry into force left empty: the pages read give 22 August 1988 and "
        "2 August 1988.",
        "sources": "https://tacticsinstitute.com/asia/saarc-efforts-against-terrorism/ ; "
        "https://de.scribd.com/document/414374417/physics-project",
    },
    {
        "organisation": "League of Arab States",
        "instrument": "Arab Convention for the Suppression of Terrorism",
        "kind": "treaty",
        "year": "1998",
        "adopted": "1998-04-22",
        "place": "Cairo",
        "entry_into_force": "",
        "note": "Signed by the Arab ministers of the interior and of justice. Entry into force "
        "not found in the pages read.",
        "sources": "https://afaqstudies.com/22-4-1998-%D8%AA%D9%88%D9%82%D9%8A%D8%B9-%D8%A3%D9%88"
        "%D9%84-%D8%A7%D8%AA%D9%81%D8%A7%D9%82-%D8%B9%D8%B1%D8%A8%D9%8A-%D9%84%D9%85%D9%83%D8%A7"
        "%D9%81%D8%AD%D8%A9-%D8%A7%D9%84%D8%A7%D8%B1%D9%87%D8%A7/ ; "
        "http://www.saudiembassy.net/archive/1998/news/page330.aspx ; "
        "https://al-bab.com/albab-orig/albab/arab/docs/league/terrorism98.htm",
    },
    {
        "organisation": "Organisation of the Islamic Conference (now Cooperation)",
        "instrument": "Convention of the OIC on Combating International Terrorism",
        "kind": "treaty",
        "year": "1999",
        "adopted": "",
        "place": "Ouagadougou",
        "entry_into_force": "",
        "note": "Adopted at the 26th Islamic Conference of Foreign Ministers, Ouagadougou, "
        "28 June - 1 July 1999 (exact day not confirmed). Entry into force not found.",
        "sources": "https://www.oic-un.org/26icfm/26fc.htm ; https://www.hrw.org/news/2008/03/"
        "11/organisation-islamic-conference-improve-and-strengthen-1999-oic-convention-combating",
    },
    {
        "organisation": "OAU / African Union",
        "instrument": "OAU Convention on the Prevention "
        "and Combating of Terrorism (Algiers Convention)",
        "kind": "treaty",
        "year": "1999",
        "adopted": "1999-07-14",
        "place": "Algiers",
        "entry_into_force": "2002-12-06",
        "note": "Adopted at the 35th OAU Summit; a Protocol followed on 8 July 2004.",
        "sources": "http://www.panapress.com/OAU-Approves-Convention-On-Terrorism--12-446454-20-"
        "lang2-index.html ; https://africanlii.org/akn/aa-au/statement/decision/AU-EC/2003/13/"
        "eng@2003-03-06",
    },
    {
        "organisation": "Shanghai Cooperation Organisation",
        "instrument": "Shanghai Convention on Combating Terrorism, Separatism and Extremism",
        "kind": "treaty",
        "year": "2001",
        "adopted": "2001-06-15",
        "place": "Shanghai",
        "entry_into_force": "2003-03-29",
        "note": "Defines 'separatism' and 'extremism' as well as terrorism.",
        "sources": "https://worldjpn.net/documents/texts/SCO/20010615.T2E.html ; "
        "https://sherloc.unodc.org/cld/en/treaties/status/shanghai_cooperation_organization/"
        "the_shanghai_convention_on_combating_terrorism_separatism_and_extremism.html",
    },
    {
        "organisation": "European Union",
        "instrument": "Council Framework Decision 2002/475/JHA on combating terrorism",
        "kind": "EU law",
        "year": "2002",
        "adopted": "2002-06-13",
        "place": "",
        "entry_into_force": "",
        "note": "EU law binding the member states, not a treaty open to ratification; OJ L 164, "
        "22.6.2002. Replaced by Directive (EU) 2017/541.",
        "sources": "http://eclan.eu/en/eu-legislatory/council-framework-decision-2002-475-jha-of-"
        "13-june-2002-on-combating-terrorism-as-amended-by-council-framework-decision-2008-919-"
        "jha-of-28-november-2008-consolidated-version",
    },
    {
        "organisation": "Organization of American States",
        "instrument": "Inter-American Convention against Terrorism",
        "kind": "treaty",
        "year": "2002",
        "adopted": "2002-06-03",
        "place": "Bridgetown",
        "entry_into_force": "",
        "note": "Adopted by the OAS General Assembly, resolution AG/RES. 1840 (XXXII-O/02). "
        "Entry into force left empty: the pages read give 10 July 2003 and 6 July 2003.",
        "sources": "https://cidh.org/Terrorism/Eng/part.v.htm ; "
        "https://whatconvention.org/fr/ratifications/178",
    },
    {
        "organisation": "Council of Europe",
        "instrument": "Council of Europe Convention on the Prevention of Terrorism (CETS No. 196)",
        "kind": "treaty",
        "year": "2005",
        "adopted": "2005-05-16",
        "place": "Warsaw",
        "entry_into_force": "2007-06-01",
        "note": "Opened for signature on the adopted date; criminalises public provocation, "
        "recruitment and training for terrorism.",
        "sources": "https://legal-russia.narod.ru/fed2005/data08/tex24575.htm ; "
        "https://www.unian.info/world/34651-europe-gets-tough-with-terrorists.html",
    },
    {
        "organisation": "ASEAN",
        "instrument": "ASEAN Convention on Counter Terrorism",
        "kind": "treaty",
        "year": "2007",
        "adopted": "2007-01-13",
        "place": "Cebu",
        "entry_into_force": "2011-05-27",
        "note": "In force 30 days after the 6th ratification; all ten members had ratified by "
        "11 January 2013.",
        "sources": "https://cil.nus.edu.sg/?p=53189 ; https://asean.org/asean-convention-on-"
        "counter-terrorism-completes-ratification-process/",
    },
    {
        "organisation": "European Union",
        "instrument": "Directive (EU) 2017/541 on combating terrorism",
        "kind": "EU law",
        "year": "2017",
        "adopted": "2017-03-15",
        "place": "",
        "entry_into_force": "",
        "note": "Replaces Framework Decision 2002/475/JHA; adds offences such as travelling for "
        "terrorism and measures for victims.",
        "sources": "https://eclan.eu/en/eu-legislatory/directive-eu-2017-541-of-the-european-"
        "parliament-and-of-the-council-of-15-march-2017-on-combating-terrorism-and-replacing-"
        "council-framework-decision-2002-475-jha-and-amending-council-decision-2005-671-jha",
    },
)


def build_regional_ct_frameworks(sources: Path) -> pd.DataFrame:  # noqa: ARG001 - no input file
    """The course-compiled rows above, typed and checked like any source."""
    raw = pd.DataFrame(REGIONAL_INSTRUMENTS).astype(str)
    return pd.DataFrame(
        {
            "organisation": raw["organisation"],
            "instrument": raw["instrument"],
            "kind": raw["kind"],
            "year": to_int(raw["year"]),
            "adopted": iso_dates(raw["adopted"]),
            "place": raw["place"],
            "entry_into_force": iso_dates(raw["entry_into_force"]),
            "note": raw["note"],
            "sources": raw["sources"],
        }
    )


# --- table specifications --------------------------------------------------------------------
UNTC = Source(
    "United Nations Treaty Collection, Multilateral Treaties Deposited with the "
    "Secretary-General, chapter XVIII (status pages as of 2014)",
    "https://treaties.un.org/Pages/Treaties.aspx?id=18&subid=A&lang=en",
)


def _regional_sources() -> tuple[Source, ...]:
    """One source per row (its first page), titled short so the catalogue stays readable."""
    return tuple(
        Source(f"{row['organisation']} ({row['year']})", row["sources"].split(" ; ")[0])
        for row in REGIONAL_INSTRUMENTS
    )


TABLES = (
    Table(
        retrieved=SNAPSHOT_2026_12_01,
        name="treaty_participation",
        title="Who signed and who became bound to five UN counter-terrorism conventions "
        "(UN Treaty Collection, 2014)",
        description="One row per convention and participant: date of signature, date of "
        "consent to be bound and its kind (ratification, accession, acceptance, approval, "
        "succession), as the UNTC status pages stood in January-July 2014. Later Financing "
        "Convention parties are added without dates.",
        build=build_treaty_participation,
        inputs=(*(c[0] for c in CONVENTIONS.values()), ICSFT),
        sources=(
            UNTC,
            Source(
                "Wikipedia, International Convention for the Suppression of the "
                "Financing of Terrorism (CC BY-SA 4.0), via icsft_parties",
                "https://en.wikipedia.org/wiki/International_Convention_for_the_"
                "Suppression_of_the_Financing_of_Terrorism",
            ),
        ),
        licences=("un-terms", "cc-by-sa-4.0"),
        primary_key=("convention", "participant"),
        fields=(
            Field(
                "convention",
                "string",
                "Convention key, in order of adoption.",
                required=True,
                enum=tuple(CONVENTIONS),
            ),
            Field(
                "convention_name",
                "string",
                "Short name with year of adoption.",
                enum=tuple(c[2] for c in CONVENTIONS.values()),
            ),
            Field(
                "untc_ref",
                "string",
                "UN Treaty Collection reference (chapter XVIII).",
                enum=tuple(c[1] for c in CONVENTIONS.values()),
            ),
            Field(
                "participant",
                "string",
                "State as spelled by the UNTC (later joiners: as in icsft_parties).",
                required=True,
            ),
            Field("iso3", "string", "ISO3 code (country_converter).", required=True),
            Field(
                "signed",
                "date",
                "Date of signature; empty if the state did not sign "
                "(or, for later joiners, not in the data).",
            ),
            Field(
                "signed_by_succession",
                "boolean",
                "Signature by succession ('d' in the "
                "signature column; only the Nuclear Terrorism page prints it).",
            ),
            Field(
                "bound",
                "date",
                "Date of the instrument of consent to be bound; empty for "
                "signatories and for parties whose date the data do not hold.",
            ),
            Field(
                "consent",
                "string",
                "Kind of consent to be bound.",
                enum=("", *dict.fromkeys(CONSENT_KINDS.values())),
            ),
            Field(
                "status",
                "string",
                "party (bound by the snapshot date), signatory (signed, "
                "not bound), or party_after_snapshot_undated (a party in a later status "
                "table; date not in the data).",
                enum=STATUSES,
            ),
            Field(
                "status_source",
                "string",
                "Where the status comes from.",
                enum=("untc_2014", "icsft_parties"),
            ),
            Field(
                "snapshot_date",
                "date",
                "Date the UNTC status page was scraped (last "
                "commit); the status holds at that date at the latest.",
            ),
        ),
        notes=(
            "Status of January-July 2014 (snapshot_date per convention), NOT current: "
            "states that joined later are missing, except for the Financing Convention, "
            "whose later parties (from icsft_parties) are rows with status "
            "'party_after_snapshot_undated' and empty dates. No date is invented.",
            "'bound' is the date the instrument was deposited, not the date the "
            "convention entered into force for that state (usually the 30th day after).",
            "Successor states carry their own succession date, not the predecessor's "
            "ratification. Declarations and reservations are not included.",
            "ISO3 via country_converter from UNTC's names; every name matched, with no "
            "correction needed.",
        ),
    ),
    Table(
        retrieved=SNAPSHOT_2026_12_01,
        name="ga_ct_strategy",
        title="The UN Global Counter-Terrorism Strategy: adoption, eight reviews and UNOCT",
        description="The General Assembly resolutions adopting (2006) and reviewing (2008-2023) "
        "the Strategy, plus 71/291 (2017) creating the Office of Counter-Terrorism, with the "
        "compilers' verification flags.",
        build=build_ga_ct_strategy,
        inputs=(GA_STRATEGY,),
        sources=(
            Source(
                "UN General Assembly, A/RES/72/284 (sixth review), preamble",
                "https://undocs.org/A/RES/72/284",
            ),
            Source(
                "UN Office of Counter-Terrorism, UN Global Counter-Terrorism Strategy",
                "https://www.un.org/counterterrorism/un-global-counter-terrorism-strategy",
            ),
        ),
        licences=("un-terms",),
        primary_key=("ga_resolution",),
        sort_by=("adoption_date",),
        fields=(
            Field(
                "ga_resolution",
                "string",
                "Resolution number, session/number.",
                required=True,
                unique=True,
            ),
            Field("symbol", "string", "Document symbol, A/RES/…"),
            Field("session", "integer", "General Assembly session."),
            Field("adoption_date", "date", "Date of adoption."),
            Field("year", "integer", "Year of adoption."),
            Field("kind", "string", "adoption, review or related (UNOCT).", enum=GA_KINDS),
            Field("review_no", "integer", "Number of the biennial review; empty otherwise."),
            Field("description", "string", "What the resolution did (compiler's words)."),
            Field(
                "adopted_without_vote",
                "boolean",
                "Adopted without a vote (by consensus), as the source says for every row.",
            ),
            Field(
                "vote_note",
                "string",
                "The source's wording, e.g. 'consensus' or 'consensus, to verify' (71/291).",
            ),
            Field(
                "verification", "string", "The compilers' flag, kept as is.", enum=GA_VERIFICATION
            ),
            Field(
                "number_verified",
                "boolean",
                "False where the date was read in a source "
                "but the resolution number was added from the compilers' knowledge.",
            ),
            Field("source", "string", "Where the number and date were read."),
        ),
        notes=(
            "For 62/272, 64/297, 66/282, 70/291 and 77/298 the dates were read in sources "
            "and the numbers added by the compilers (number_verified false): check them "
            "against the UN Digital Library before relying on them.",
            "The seventh review was postponed from 2020 to 2021 by decision 74/556.",
            "Reviews are usually, not always, two years apart: the gap from the sixth "
            "(2018) to the seventh (2021) is three years.",
            "Of the ten rows, nine are the Strategy's adoption and reviews; 71/291 (kind "
            "'related') created the Office of Counter-Terrorism and is not a review. Its "
            "adoption without a vote is marked 'to verify' in the source (vote_note).",
        ),
    ),
    Table(
        retrieved=SNAPSHOT_2026_12_01,
        name="regional_ct_frameworks",
        title="Regional counter-terrorism instruments (compiled by the course)",
        description="Regional treaties and EU acts against terrorism: organisation, "
        "date and place of adoption, entry into force, with the pages each row was read in. "
        "Compiled by the course on 2026-12-01; a date is left empty where it was not found "
        "or the pages disagree.",
        build=build_regional_ct_frameworks,
        inputs=(),
        sources=_regional_sources(),
        licences=("compiled-facts",),
        primary_key=("instrument",),
        sort_by=("year", "instrument"),
        fields=(
            Field("organisation", "string", "Regional organisation."),
            Field("instrument", "string", "Instrument name.", required=True, unique=True),
            Field(
                "kind",
                "string",
                "treaty (binding on the states that ratify it) or EU law "
                "(binding on EU member states, no ratification).",
                enum=("treaty", "EU law"),
            ),
            Field("year", "integer", "Year of adoption or signature."),
            Field(
                "adopted",
                "date",
                "Date adopted or opened for signature; empty if not confirmed to the day.",
            ),
            Field("place", "string", "Place of adoption (treaties)."),
            Field(
                "entry_into_force",
                "date",
                "Entry into force; empty when not found, when sources disagree, or for EU acts.",
            ),
            Field("note", "string", "What the sources say beyond the dates, and why a gap."),
            Field("sources", "string", "Pages read (archived copies), ' ; '-separated."),
        ),
        notes=(
            "Compiled by the course, not by the organisations: every row was read in the "
            "archived public pages named in 'sources' (often secondary: news, legal "
            "databases, text copies). Instruments whose dates could not be confirmed in "
            "those pages have empty dates, and the note says why.",
            "Not complete: protocols (SAARC 2004, AU 2004, Council of Europe 2015), the "
            "OAS 1971 convention, the SCO 2009 convention and the CIS treaties are left out.",
        ),
    ),
)
