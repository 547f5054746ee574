"""The words the parser looks for, in English, Chinese, Russian and Kazakh (regular expressions).

Each list is matched case-insensitively inside one sentence. A word missing here is a claim read
with the wrong flow or bound, never a wrong number: the number's own words are in ``amounts``.
"""

from __future__ import annotations

import re


def _re(*parts: str) -> re.Pattern:
    return re.compile("|".join(parts), re.I)


EXPORT = _re(r"export\w*", r"экспорт\w*", r"шығар\w*", r"出口")
IMPORT = _re(r"import\w*", r"импорт\w*", r"ввоз\w*", r"әкел\w*", r"进口")

CHN = _re(r"\bChin\w*", r"\bPRC\b", r"Кита\w*", r"\bКНР\w*", r"Қытай\w*", r"中国", r"中方", r"华")
KAZ = _re(r"Kazakh\w*", r"Казахстан\w*", r"казахск\w*", r"Қазақстан\w*", r"哈萨克斯坦", r"哈方",
          r"哈")
# 'to'/'from' before a country, or a dative/ablative ending on it: the country is the partner.
TOWARDS = _re(r"(?:to|from|into|в|во|из|на|к|对|向|从|自)\s?$")
PARTNER_CASE = _re(r"^(?:Қытай|Қазақстан)\w*(?:ға|ге|қа|ке|на|не|дан|ден|тан|тен|нан|нен)\b",
                   r"^(?:Китай|Казахстан)(?:у|а?ом|е)\b")

# Whose statistics the sentence says it quotes.
STATED_CHN = _re(r"Chinese\s+customs", r"China's\s+(?:General\s+Administration\s+of\s+)?customs",
                 r"\bGACC\b", r"таможн\w+\s+(?:КНР|Китая)", r"китайск\w+\s+(?:таможн|статист)\w*",
                 r"по\s+данным\s+(?:КНР|Китая|китайской)", r"中国海关", r"海关总署", r"中方统计",
                 r"Қытай\s+кеден\w*")
STATED_KAZ = _re(r"Kazakh(?:stan's)?\s+(?:statistics|Bureau|customs)", r"Bureau\s+of\s+National",
                 r"Бюро\s+национальной\s+статистики", r"казахстанск\w+\s+статист\w*",
                 r"по\s+данным\s+(?:Казахстана|казахстанской|Бюро|КГД|Комитета)",
                 r"Ұлттық\s+статистика", r"哈萨克斯坦统计", r"哈方统计", r"哈国家统计局")

LOWER = _re(r"more\s+than", r"over", r"above", r"exceed\w*", r"in\s+excess\s+of", r"at\s+least",
            r"topp\w+", r"surpass\w*", r"более", r"свыше", r"больше", r"превы\w+", r"не\s+менее",
            r"астам", r"артық", r"асты", r"асып", r"超过", r"超", r"逾", r"突破", r"以上", r"多")
UPPER = _re(r"less\s+than", r"under", r"below", r"up\s+to", r"at\s+most", r"менее", r"меньше",
            r"не\s+более", r"не\s+превыша\w+", r"кем", r"аспайды", r"不到", r"不足", r"低于",
            r"以下")
APPROX = _re(r"about", r"around", r"nearly", r"almost", r"roughly", r"approximately", r"some",
             r"close\s+to", r"около", r"почти", r"порядка", r"примерно", r"приблизительно",
             r"почти", r"шамамен", r"жуық", r"шамасында", r"约", r"近", r"将近", r"接近", r"左右",
             r"大约")
FALL = _re(r"declin\w*", r"fell", r"fall\w*", r"drop\w*", r"decreas\w*", r"shr[au]nk\w*",
           r"down\s+by", r"\bdown\b", r"contract\w*", r"сократил\w*", r"снизил\w*", r"сниж\w*",
           r"упал\w*", r"уменьш\w*", r"падени\w*", r"сокращени\w*", r"кеміді", r"төмендеді",
           r"азайды", r"қысқарды", r"下降", r"减少", r"下滑", r"回落", r"降低")

SHARE = _re(r"share", r"per\s*cent\s+of", r"доля", r"долю", r"доли", r"долей", r"үлес\w*",
            r"占", r"比重", r"份额")
WORLD = _re(r"global\s+trade", r"world\s+trade", r"глобальн\w+\s+торгов\w*",
            r"миров\w+\s+торгов\w*", r"әлемдік\s+сауда\w*", r"全球贸易", r"世界贸易")
TARGET = _re(r"\bgoal\b", r"\btarget\w*", r"\baim\w*", r"\bplan\w*", r"\bbring\b",
             r"\bwill\s+reach", r"\bto\s+reach\b", r"\bboost\b", r"\bцел\w*", r"довести",
             r"достичь", r"достигнуть",
             r"планиру\w*", r"нацел\w*", r"намерены", r"мақсат\w*", r"жеткізу\w*", r"жетеді",
             r"жеткізуге", r"目标", r"力争", r"争取", r"将达到", r"有望")
DOUBLE = _re(r"doubl\w*", r"two-?fold", r"удво\w*", r"вдвое", r"в\s+два\s+раза", r"екі\s+есе\w*",
             r"翻一番", r"翻番", r"翻倍", r"增加一倍")
# Clauses end at these; a flow word applies to the figures after it in the same clause.
CLAUSE = re.compile(r"[,;:，；：、]|\band\b|\bwhile\b|\bи\b|\bа\b|\bжәне\b|\bал\b|而")


def country_at(text: str, pos: int) -> str | None:
    """'CHN' or 'KAZ' if a country's name starts at ``pos``."""
    for code, pattern in (("CHN", CHN), ("KAZ", KAZ)):
        m = pattern.match(text, pos)
        if m:
            return code
    return None
