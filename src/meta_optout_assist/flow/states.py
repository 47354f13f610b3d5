"""The page states the runner knows, in the order it believes them, and what usually follows each:
adding a kind of page Meta shows is a page object and its place here."""

from __future__ import annotations

from meta_optout_assist.pages.base import PageObject
from meta_optout_assist.pages.blocked import Blocked
from meta_optout_assist.pages.code_step import CodeStep
from meta_optout_assist.pages.confirmation import Confirmation
from meta_optout_assist.pages.cookie_banner import CookieBanner
from meta_optout_assist.pages.form import ContactForm
from meta_optout_assist.pages.gate import GateQuestion
from meta_optout_assist.pages.link_step import LinkStep
from meta_optout_assist.pages.login_wall import LoginWall
from meta_optout_assist.pages.off_route import OffRoute
from meta_optout_assist.pages.privacy_centre import PrivacyCentreLink
from meta_optout_assist.pages.site_error import (
    FormRejected,
    NotAvailable,
    Refusal,
    SiteError,
)
from meta_optout_assist.pages.unknown_dialog import UnknownDialog

# In priority order: an overlay (cookie banner, Meta's block, the code pop-up) wins over the page
# beneath it; a link sent by email outranks the confirmation (its page may thank the person too);
# a dialog the tool does not know comes last, once nothing else explains the page.
STATES: tuple[PageObject, ...] = (
    CookieBanner(), Blocked(), CodeStep(), LinkStep(), Refusal(), SiteError(), Confirmation(),
    NotAvailable(), LoginWall(), GateQuestion(), PrivacyCentreLink(), ContactForm(), FormRejected(),
    UnknownDialog(),
)
OFF_ROUTE = OffRoute()
# What usually comes after each state (None: the first look at a form address). Once something
# known is visible, the runner checks these first, after ruling out everything that outranks them
# in one look: two or three round trips to the browser instead of one per state. A wrong guess
# costs a little more time; the answer is the same.
LIKELY_NEXT: dict[type[PageObject] | None, tuple[type[PageObject], ...]] = {
    None: (CookieBanner, LoginWall, ContactForm),
    CookieBanner: (LoginWall, ContactForm),
    LoginWall: (ContactForm,),
    GateQuestion: (ContactForm,),
    PrivacyCentreLink: (ContactForm,),
    OffRoute: (ContactForm,),
    ContactForm: (CodeStep, LinkStep, Confirmation),
    CodeStep: (Confirmation,),
    LinkStep: (Confirmation,),
}
