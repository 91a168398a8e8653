"""Free-mail and disposable e-mail domains: an address there never names a company.

Maintained by hand from the large consumer providers and their country variants; add a domain
here (lower case) when a user's personal address is mistaken for a company. A model can add
its own with ``identity.freemail_extra``.
"""

from __future__ import annotations

FREEMAIL_DOMAINS: frozenset[str] = frozenset(
    """
    gmail.com googlemail.com outlook.com hotmail.com hotmail.co.uk hotmail.fr hotmail.de
    hotmail.it hotmail.es live.com live.co.uk live.fr msn.com windowslive.com yahoo.com
    yahoo.co.uk yahoo.fr yahoo.de yahoo.it yahoo.es yahoo.ca yahoo.com.au yahoo.co.in
    yahoo.co.jp yahoo.com.br ymail.com rocketmail.com aol.com aim.com icloud.com me.com mac.com
    protonmail.com proton.me pm.me tutanota.com tuta.io zoho.com zohomail.com mail.com email.com
    gmx.com gmx.net gmx.de gmx.at gmx.ch web.de t-online.de freenet.de arcor.de posteo.de
    mailbox.org orange.fr wanadoo.fr free.fr laposte.net sfr.fr libero.it virgilio.it tiscali.it
    alice.it yandex.com yandex.ru ya.ru mail.ru bk.ru inbox.ru list.ru rambler.ru qq.com
    163.com 126.com yeah.net sina.com sohu.com aliyun.com foxmail.com naver.com daum.net
    hanmail.net rediffmail.com seznam.cz wp.pl o2.pl interia.pl onet.pl bol.com.br uol.com.br
    terra.com.br comcast.net verizon.net att.net sbcglobal.net bellsouth.net cox.net
    charter.net earthlink.net optonline.net btinternet.com sky.com virginmedia.com talktalk.net
    ntlworld.com bigpond.com optusnet.com.au shaw.ca rogers.com sympatico.ca telus.net
    hushmail.com fastmail.com fastmail.fm hey.com duck.com mailfence.com runbox.com
    mailinator.com guerrillamail.com 10minutemail.com temp-mail.org yopmail.com trashmail.com
    sharklasers.com getnada.com dispostable.com
    """.split()
)


def is_freemail(domain: str | None) -> bool:
    return domain is not None and domain.strip().lower() in FREEMAIL_DOMAINS
