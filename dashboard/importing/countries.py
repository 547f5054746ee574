"""Country codes for the importer: ISO 3166 alpha-3, UN M49 numbers and names, to one code.

Comtrade files name countries by ISO3 and M49 number, WITS files by English name; the
dashboard keys everything by ISO3. World is ``WLD`` (Comtrade writes ``W00`` and 0).
The table is ISO 3166-1 (code, number, name, common name) plus the names and numbers the
trade databases use where they differ from ISO; a code, number or name outside it is no country
(three capital letters are not enough). ``pair_problem`` is the one rule for a pair: World only as
a partner, never a country with itself.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from dashboard.errors import Reason

WORLD = "WLD"

_ISO = (
    "ABW:533:Aruba; AFG:4:Afghanistan; AGO:24:Angola; AIA:660:Anguilla; ALA:248:Åland Islands; "
    "ALB:8:Albania; AND:20:Andorra; ARE:784:United Arab Emirates; ARG:32:Argentina; "
    "ARM:51:Armenia; ASM:16:American Samoa; ATA:10:Antarctica; ATF:260:French Southern "
    "Territories; ATG:28:Antigua and Barbuda; AUS:36:Australia; AUT:40:Austria; "
    "AZE:31:Azerbaijan; BDI:108:Burundi; BEL:56:Belgium; BEN:204:Benin; BES:535:Bonaire, Sint "
    "Eustatius and Saba; BFA:854:Burkina Faso; BGD:50:Bangladesh; BGR:100:Bulgaria; "
    "BHR:48:Bahrain; BHS:44:Bahamas; BIH:70:Bosnia and Herzegovina; BLM:652:Saint Barthélemy; "
    "BLR:112:Belarus; BLZ:84:Belize; BMU:60:Bermuda; BOL:68:Bolivia, Plurinational State "
    "of|Bolivia; BRA:76:Brazil; BRB:52:Barbados; BRN:96:Brunei Darussalam; BTN:64:Bhutan; "
    "BVT:74:Bouvet Island; BWA:72:Botswana; CAF:140:Central African Republic; CAN:124:Canada; "
    "CCK:166:Cocos (Keeling) Islands; CHE:756:Switzerland; CHL:152:Chile; CHN:156:China; "
    "CIV:384:Côte d'Ivoire; CMR:120:Cameroon; COD:180:Congo, The Democratic Republic of the; "
    "COG:178:Congo; COK:184:Cook Islands; COL:170:Colombia; COM:174:Comoros; CPV:132:Cabo "
    "Verde; CRI:188:Costa Rica; CUB:192:Cuba; CUW:531:Curaçao; CXR:162:Christmas Island; "
    "CYM:136:Cayman Islands; CYP:196:Cyprus; CZE:203:Czechia; DEU:276:Germany; "
    "DJI:262:Djibouti; DMA:212:Dominica; DNK:208:Denmark; DOM:214:Dominican Republic; "
    "DZA:12:Algeria; ECU:218:Ecuador; EGY:818:Egypt; ERI:232:Eritrea; ESH:732:Western Sahara; "
    "ESP:724:Spain; EST:233:Estonia; ETH:231:Ethiopia; FIN:246:Finland; FJI:242:Fiji; "
    "FLK:238:Falkland Islands (Malvinas); FRA:250:France; FRO:234:Faroe Islands; "
    "FSM:583:Micronesia, Federated States of; GAB:266:Gabon; GBR:826:United Kingdom; "
    "GEO:268:Georgia; GGY:831:Guernsey; GHA:288:Ghana; GIB:292:Gibraltar; GIN:324:Guinea; "
    "GLP:312:Guadeloupe; GMB:270:Gambia; GNB:624:Guinea-Bissau; GNQ:226:Equatorial Guinea; "
    "GRC:300:Greece; GRD:308:Grenada; GRL:304:Greenland; GTM:320:Guatemala; GUF:254:French "
    "Guiana; GUM:316:Guam; GUY:328:Guyana; HKG:344:Hong Kong; HMD:334:Heard Island and McDonald "
    "Islands; HND:340:Honduras; HRV:191:Croatia; HTI:332:Haiti; HUN:348:Hungary; "
    "IDN:360:Indonesia; IMN:833:Isle of Man; IND:356:India; IOT:86:British Indian Ocean "
    "Territory; IRL:372:Ireland; IRN:364:Iran, Islamic Republic of|Iran; IRQ:368:Iraq; "
    "ISL:352:Iceland; ISR:376:Israel; ITA:380:Italy; JAM:388:Jamaica; JEY:832:Jersey; "
    "JOR:400:Jordan; JPN:392:Japan; KAZ:398:Kazakhstan; KEN:404:Kenya; KGZ:417:Kyrgyzstan; "
    "KHM:116:Cambodia; KIR:296:Kiribati; KNA:659:Saint Kitts and Nevis; KOR:410:Korea, Republic "
    "of|South Korea; KWT:414:Kuwait; LAO:418:Lao People's Democratic Republic|Laos; "
    "LBN:422:Lebanon; LBR:430:Liberia; LBY:434:Libya; LCA:662:Saint Lucia; "
    "LIE:438:Liechtenstein; LKA:144:Sri Lanka; LSO:426:Lesotho; LTU:440:Lithuania; "
    "LUX:442:Luxembourg; LVA:428:Latvia; MAC:446:Macao; MAF:663:Saint Martin (French part); "
    "MAR:504:Morocco; MCO:492:Monaco; MDA:498:Moldova, Republic of|Moldova; MDG:450:Madagascar; "
    "MDV:462:Maldives; MEX:484:Mexico; MHL:584:Marshall Islands; MKD:807:North Macedonia; "
    "MLI:466:Mali; MLT:470:Malta; MMR:104:Myanmar; MNE:499:Montenegro; MNG:496:Mongolia; "
    "MNP:580:Northern Mariana Islands; MOZ:508:Mozambique; MRT:478:Mauritania; "
    "MSR:500:Montserrat; MTQ:474:Martinique; MUS:480:Mauritius; MWI:454:Malawi; "
    "MYS:458:Malaysia; MYT:175:Mayotte; NAM:516:Namibia; NCL:540:New Caledonia; NER:562:Niger; "
    "NFK:574:Norfolk Island; NGA:566:Nigeria; NIC:558:Nicaragua; NIU:570:Niue; "
    "NLD:528:Netherlands; NOR:578:Norway; NPL:524:Nepal; NRU:520:Nauru; NZL:554:New Zealand; "
    "OMN:512:Oman; PAK:586:Pakistan; PAN:591:Panama; PCN:612:Pitcairn; PER:604:Peru; "
    "PHL:608:Philippines; PLW:585:Palau; PNG:598:Papua New Guinea; POL:616:Poland; "
    "PRI:630:Puerto Rico; PRK:408:Korea, Democratic People's Republic of|North Korea; "
    "PRT:620:Portugal; PRY:600:Paraguay; PSE:275:Palestine, State of; PYF:258:French Polynesia; "
    "QAT:634:Qatar; REU:638:Réunion; ROU:642:Romania; RUS:643:Russian Federation; "
    "RWA:646:Rwanda; SAU:682:Saudi Arabia; SDN:729:Sudan; SEN:686:Senegal; SGP:702:Singapore; "
    "SGS:239:South Georgia and the South Sandwich Islands; SHN:654:Saint Helena, Ascension and "
    "Tristan da Cunha; SJM:744:Svalbard and Jan Mayen; SLB:90:Solomon Islands; SLE:694:Sierra "
    "Leone; SLV:222:El Salvador; SMR:674:San Marino; SOM:706:Somalia; SPM:666:Saint Pierre and "
    "Miquelon; SRB:688:Serbia; SSD:728:South Sudan; STP:678:Sao Tome and Principe; "
    "SUR:740:Suriname; SVK:703:Slovakia; SVN:705:Slovenia; SWE:752:Sweden; SWZ:748:Eswatini; "
    "SXM:534:Sint Maarten (Dutch part); SYC:690:Seychelles; SYR:760:Syrian Arab Republic|Syria; "
    "TCA:796:Turks and Caicos Islands; TCD:148:Chad; TGO:768:Togo; THA:764:Thailand; "
    "TJK:762:Tajikistan; TKL:772:Tokelau; TKM:795:Turkmenistan; TLS:626:Timor-Leste; "
    "TON:776:Tonga; TTO:780:Trinidad and Tobago; TUN:788:Tunisia; TUR:792:Türkiye; "
    "TUV:798:Tuvalu; TWN:158:Taiwan, Province of China|Taiwan; TZA:834:Tanzania, United "
    "Republic of|Tanzania; UGA:800:Uganda; UKR:804:Ukraine; UMI:581:United States Minor "
    "Outlying Islands; URY:858:Uruguay; USA:840:United States; UZB:860:Uzbekistan; VAT:336:Holy "
    "See (Vatican City State); VCT:670:Saint Vincent and the Grenadines; VEN:862:Venezuela, "
    "Bolivarian Republic of|Venezuela; VGB:92:Virgin Islands, British; VIR:850:Virgin Islands, "
    "U.S.; VNM:704:Viet Nam|Vietnam; VUT:548:Vanuatu; WLF:876:Wallis and Futuna; WSM:882:Samoa; "
    "YEM:887:Yemen; ZAF:710:South Africa; ZMB:894:Zambia; ZWE:716:Zimbabwe"
)

# Numbers UN Comtrade uses instead of the ISO ones, and names trade databases use.
_COMTRADE_NUMBERS = {842: "USA", 251: "FRA", 699: "IND", 757: "CHE", 579: "NOR", 0: WORLD}
_ALIASES = {
    WORLD: "World|Мир|Весь мир",
    "USA": "USA|United States of America|US",
    "KOR": "Rep. of Korea|Korea, Rep.|Republic of Korea",
    "PRK": "Dem. People's Rep. of Korea|Korea, Dem. People's Rep.|Korea, Dem. Rep.",
    "HKG": "China, Hong Kong SAR|Hong Kong, China",
    "MAC": "China, Macao SAR|Macao, China|Macau",
    "TWN": "Taiwan, China",
    "RUS": "Russia|Россия|Российская Федерация",
    "CHN": "Китай|China, People's Republic of",
    "KAZ": "Казахстан|Republic of Kazakhstan",
    "KGZ": "Kyrgyz Republic|Кыргызстан|Киргизия",
    "UZB": "Узбекистан", "TJK": "Таджикистан", "TKM": "Туркменистан",
    "TUR": "Turkey", "IRN": "Iran|Iran, Islamic Rep.", "EGY": "Egypt, Arab Rep.",
    "VNM": "Vietnam", "SVK": "Slovak Republic", "CZE": "Czech Republic",
    "LAO": "Lao PDR|Lao People's Dem. Rep.", "MDA": "Rep. of Moldova",
    "TZA": "United Rep. of Tanzania",
    "BOL": "Bolivia (Plurinational State of)", "VEN": "Venezuela, RB|Venezuela",
    "GBR": "UK", "DEU": "Germany", "COD": "Dem. Rep. of the Congo|Congo, Dem. Rep.",
}
_ISO3 = re.compile(r"^[A-Z]{3}$")


def _key(name: str) -> str:
    """Lower case, accents and punctuation gone: 'Côte d'Ivoire' ~ 'cote divoire'."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w\s]", "", text).split())


def _tables() -> tuple[dict[str, str], dict[int, str], dict[str, str]]:
    names: dict[str, str] = {}
    numbers: dict[int, str] = dict(_COMTRADE_NUMBERS)
    display = {WORLD: "World"}
    for entry in _ISO.split("; "):
        code, number, alts = entry.split(":", 2)
        numbers.setdefault(int(number), code)
        display[code] = alts.split("|")[0]
        for alt in alts.split("|"):
            names[_key(alt)] = code
    for code, alts in _ALIASES.items():
        for alt in alts.split("|"):
            names[_key(alt)] = code
    return names, numbers, display


_NAMES, _NUMBERS, DISPLAY = _tables()


@lru_cache(maxsize=4096)
def resolve(text: str) -> str | None:
    """ISO3 code for an ISO3 code, M49 number or known name; None when it is none of these."""
    t = text.strip()
    if not t:
        return None
    if t.upper() in ("W00", "WLD", "WORLD"):
        return WORLD
    if _ISO3.fullmatch(t.upper()) and t.upper() in DISPLAY:
        return t.upper()  # only assigned ISO 3166 codes: QQQ, ABC or EUR are none
    if re.fullmatch(r"\d{1,3}(\.0+)?", t):
        return _NUMBERS.get(int(float(t)))
    return _NAMES.get(_key(t))


def pair_problem(reporter: str, partner: str) -> Reason | None:
    """Why two resolved codes cannot be a reporter and its partner, or None when they can:
    World reports nothing (it is only ever a partner) and no country trades with itself."""
    if reporter == WORLD:
        return Reason("import.reject.world_reporter")
    if reporter == partner:
        return Reason("import.reject.same_country", dict(name_country=reporter, code=reporter))
    return None


def name_of(code: str) -> str:
    return DISPLAY.get(code, code)


_NOT_IN_NAMES = {"AND", "PER", "CAN", "ARM", "MAR", "NOR", "TUN", "DOM", "COM", "GAB", "BEL"}


def guess_pair(file_name: str) -> tuple[str | None, str | None]:
    """(reporter, partner) guessed from a file name such as 'kaz_chn_wits.csv': the first two
    countries it names, as a default for the user to check, never used unasked."""
    stem = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", file_name)
    found: list[str] = []
    for word in re.findall(r"[A-Za-z]+", stem):
        if len(word) == 3 and word.upper() in _NOT_IN_NAMES and not word.isupper():
            continue  # 'and', 'per', 'can': words far more often than countries
        code = resolve(word) if len(word) >= 3 else None
        if code and code not in found:
            found.append(code)
    found += [None, None]
    return found[0], found[1]
