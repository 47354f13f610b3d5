"""Every text the replica shows, per locale, and the country list in each language.

English is the base; each other locale carries a full translation (a test checks that no key is
missing). Texts known from the reference are used verbatim (form title, intro, reason label,
Send, cookie banner, Italian confirmation, the Brazilian reason label); the rest is plausible Meta
wording. Long because it is data: one table per language, kept together so a missing key shows.
Portuguese is Meta's Brazilian Portuguese (pt-BR), and so is its country list.
"""

from __future__ import annotations

import functools
import gettext
import unicodedata

LOCALES = ("en", "de", "fr", "es", "it", "nl", "pl", "pt")

# What <html lang> says. Some locales use the bare language, some the region form, so a tool
# must read both schemes.
HTML_LANG = {
    "en": "en",
    "de": "de",
    "fr": "fr-FR",
    "es": "es",
    "it": "it-IT",
    "nl": "nl",
    "pl": "pl-PL",
    "pt": "pt-BR",
}

# Meta's own locale ids (hidden form field, cookie banner policy links).
META_LOCALE = {
    "en": "en_GB",
    "de": "de_DE",
    "fr": "fr_FR",
    "es": "es_ES",
    "it": "it_IT",
    "nl": "nl_NL",
    "pl": "pl_PL",
    "pt": "pt_BR",
}

EN = {
    # cookie banners
    "banner_title_fb": "Allow the use of cookies from Facebook on this browser?",
    "banner_title_ig": "Allow the use of cookies from Instagram on this browser?",
    "banner_body_fb": (
        "We use cookies and similar technologies to help provide and improve content on Meta "
        "Products. We also use them to provide a safer experience by using information that we "
        "receive from cookies on and off Facebook, and to provide and improve Meta Products for "
        "people who have an account."
    ),
    "banner_body_ig": (
        "We use cookies and similar technologies to help provide and improve content on Meta "
        "Products. We also use them to provide a safer experience by using information that we "
        "receive from cookies on and off Instagram, and to provide and improve Meta Products for "
        "people who have an account."
    ),
    "banner_learn_more": "Learn more about cookies",
    "banner_essential": "Only allow essential cookies",
    "banner_optional": "Allow essential and optional cookies",
    "banner_decline": "Decline optional cookies",
    "banner_all": "Allow all cookies",
    # shared chrome
    "help_centre": "Help Centre",
    "privacy_centre": "Privacy Centre",
    "go_back": "Go back",
    "close": "Close",
    "go_to_feed": "Go to News Feed",
    "visit_help": "Visit Help Centre",
    # Facebook login
    "login_title": "Log in to Facebook",
    "login_must": "You must log in to continue.",
    "login_email": "Email address or phone number",
    "login_pass": "Password",
    "login_button": "Log in",
    "login_forgot": "Forgotten password?",
    "login_error": "The password that you've entered is incorrect.",
    # Instagram login
    "ig_login_user": "Phone number, username or email address",
    "ig_login_pass": "Password",
    "ig_login_button": "Log in",
    "ig_login_error": "Sorry, your password was incorrect. Please double-check your password.",
    # feed
    "feed_title": "News Feed",
    "feed_composer": "What's on your mind?",
    "ig_home": "Home",
    # the user objection form
    "form_title": "Object to your information being used for AI at Meta",
    "form_intro_1": (
        "You have the right to object to Meta using the information you've shared on our "
        "Products and services to develop and improve AI at Meta. You can submit this form to "
        "exercise that right."
    ),
    "form_intro_2": (
        "We will process your objection in accordance with applicable data protection laws. If "
        "your objection is accepted, it will apply in the future."
    ),
    "country_label": "Country of residence",
    "country_placeholder": "Select a country",
    "email_label": "Email address",
    "reason_label": "Please tell us how this processing impacts you",
    "optional": "optional",
    "send": "Send",
    "required_error": "Please complete this field.",
    "email_error": "Please enter a valid email address.",
    "choose_error": "Please choose an option.",
    # email code step
    "code_title": "Check your email",
    "code_body": (
        "Enter the 6-digit code we sent to {email}. The code expires in one hour."
    ),
    "code_label": "Confirmation code",
    "code_confirm": "Confirm",
    "code_cancel": "Cancel",
    "code_wrong": "That code isn't right. Check your email and try again.",
    "code_expired": "This code has expired. We've sent you a new one.",
    # outcomes
    "confirm_title": "Thanks for your request",
    "confirm_text": (
        "This means your request will be applied going forward to the development and "
        "improvement of AI at Meta. You'll receive an email with the details."
    ),
    "refused_title": "We can't process your objection",
    "refused_text": (
        "We've reviewed your request. Based on the information you provided, your objection was "
        "not accepted and we'll continue to process your information for AI at Meta. You'll "
        "receive an email with the details."
    ),
    "error_title": "Sorry, something went wrong.",
    "error_text": "We're working on getting this fixed as soon as we can.",
    "notfound_title": "This content isn't available right now",
    "notfound_text": (
        "When this happens, it's usually because the owner only shared it with a small group of "
        "people, changed who can see it or it's been deleted."
    ),
    # gate question (privacy policy route)
    "gate_title": "Contact us about the Privacy Policy",
    "gate_question": "Is your request about AI at Meta?",
    "yes": "Yes",
    "no": "No",
    "next": "Next",
    "help_title": "How can we help?",
    "help_access": "Access your information",
    # Privacy Centre, generative AI
    "privacy_title": "How Meta uses information for generative AI models and features",
    "privacy_intro": (
        "We use information that is publicly available online and licensed information, as well "
        "as information shared on Meta Products and services, to develop and improve AI at Meta."
    ),
    "privacy_rights": "Your rights",
    "right_to_object": "Right to object",
    "privacy_object_sentence": (
        "You have the right to {link} to your information being used for AI at Meta."
    ),
    "privacy_object_link": "object",
    "privacy_tp_heading": "More detailed information about Meta's generative AI models",
    "privacy_tp_sub": "Your right to object",
    "privacy_tp_text": (
        "You can submit a request if you want to object to, restrict or delete the use of your "
        "personal information from third parties for AI at Meta."
    ),
    "privacy_tp_link": "Learn more and submit requests here",
    # third-party information form
    "tp_title": "Data subject rights for third-party information used for AI at Meta",
    "tp_intro_1": (
        "We don't automatically fulfil requests sent using this form. We review them in line "
        "with applicable local laws."
    ),
    "tp_intro_2": "Enter your details below to submit your request.",
    "tp_choice_label": "Which of the following best describes your request?",
    "tp_object": (
        "I want to object to or restrict the processing of my personal information from third "
        "parties used for developing and improving AI at Meta"
    ),
    "tp_delete": (
        "I want to delete any personal information from third parties used for building and "
        "improving AI at Meta"
    ),
    "tp_other": (
        "I have a different issue, or I want to access my personal information from third "
        "parties used for AI at Meta"
    ),
    "tp_other_info": (
        "To access your information or for other privacy questions, visit the Privacy Centre."
    ),
    "first_name": "First name",
    "last_name": "Surname",
    "tp_knowledge": (
        "Have you seen a response from AI at Meta that shows it has knowledge of you?"
    ),
    "tp_prompts": (
        "Please provide the prompts you entered that resulted in your personal information "
        "appearing in a response"
    ),
    "tp_prompts_hint": "Enter each prompt on its own line.",
    "tp_evidence": (
        "Please upload a screenshot of the response that contains your personal information"
    ),
    "tp_evidence_button": "Choose file",
    "tp_no_file": "No file selected",
    "tp_details": "Please provide any additional context and tell us what you are requesting",
    "tp_details_hint": "Minimum 100 characters",
    "tp_details_error": "Please enter at least 100 characters.",
    # a form the tool cannot know, served at the form's address
    "unk_title": "Tell us about a product you bought",
    "unk_date": "Date of purchase",
    "unk_describe": "Describe the product",
    "unk_continue": "Continue",
}

DE = {
    "banner_title_fb": "Die Verwendung von Cookies durch Facebook in diesem Browser erlauben?",
    "banner_title_ig": "Die Verwendung von Cookies durch Instagram in diesem Browser erlauben?",
    "banner_body_fb": (
        "Wir verwenden Cookies und ähnliche Technologien, um Inhalte in Meta-Produkten "
        "bereitzustellen und zu verbessern. Außerdem verwenden wir sie, um mithilfe von "
        "Informationen, die wir über Cookies auf und außerhalb von Facebook erhalten, ein "
        "sichereres Erlebnis zu bieten."
    ),
    "banner_body_ig": (
        "Wir verwenden Cookies und ähnliche Technologien, um Inhalte in Meta-Produkten "
        "bereitzustellen und zu verbessern. Außerdem verwenden wir sie, um mithilfe von "
        "Informationen, die wir über Cookies auf und außerhalb von Instagram erhalten, ein "
        "sichereres Erlebnis zu bieten."
    ),
    "banner_learn_more": "Mehr über Cookies erfahren",
    "banner_essential": "Nur erforderliche Cookies erlauben",
    "banner_optional": "Erforderliche und optionale Cookies erlauben",
    "banner_decline": "Optionale Cookies ablehnen",
    "banner_all": "Alle Cookies erlauben",
    "help_centre": "Hilfebereich",
    "privacy_centre": "Privacy Center",
    "go_back": "Zurück",
    "close": "Schließen",
    "go_to_feed": "Zum News Feed",
    "visit_help": "Hilfebereich besuchen",
    "login_title": "Bei Facebook anmelden",
    "login_must": "Du musst dich anmelden, um fortzufahren.",
    "login_email": "E-Mail-Adresse oder Handynummer",
    "login_pass": "Passwort",
    "login_button": "Anmelden",
    "login_forgot": "Passwort vergessen?",
    "login_error": "Das eingegebene Passwort ist falsch.",
    "ig_login_user": "Telefonnummer, Benutzername oder E-Mail-Adresse",
    "ig_login_pass": "Passwort",
    "ig_login_button": "Anmelden",
    "ig_login_error": "Dein Passwort ist leider falsch. Bitte überprüfe dein Passwort.",
    "feed_title": "Newsfeed",
    "feed_composer": "Was machst du gerade?",
    "ig_home": "Startseite",
    "form_title": "Widerspruch gegen die Verwendung deiner Informationen für KI bei Meta",
    "form_intro_1": (
        "Du hast das Recht, der Verwendung der Informationen, die du in unseren Produkten und "
        "Services geteilt hast, für die Entwicklung und Verbesserung von KI bei Meta zu "
        "widersprechen. Mit diesem Formular kannst du dieses Recht ausüben."
    ),
    "form_intro_2": (
        "Wir bearbeiten deinen Widerspruch gemäß den geltenden Datenschutzgesetzen. Wenn dein "
        "Widerspruch angenommen wird, gilt er für die Zukunft."
    ),
    "country_label": "Land des Wohnsitzes",
    "country_placeholder": "Land auswählen",
    "email_label": "E-Mail-Adresse",
    "reason_label": "Bitte teile uns mit, wie sich diese Verarbeitung auf dich auswirkt",
    "optional": "optional",
    "send": "Senden",
    "required_error": "Bitte fülle dieses Feld aus.",
    "email_error": "Bitte gib eine gültige E-Mail-Adresse ein.",
    "choose_error": "Bitte wähle eine Option aus.",
    "code_title": "Überprüfe deine E-Mails",
    "code_body": (
        "Gib den 6-stelligen Code ein, den wir an {email} gesendet haben. Der Code läuft in "
        "einer Stunde ab."
    ),
    "code_label": "Bestätigungscode",
    "code_confirm": "Bestätigen",
    "code_cancel": "Abbrechen",
    "code_wrong": "Dieser Code ist nicht richtig. Überprüfe deine E-Mails und versuche es erneut.",
    "code_expired": "Dieser Code ist abgelaufen. Wir haben dir einen neuen gesendet.",
    "confirm_title": "Danke für deine Anfrage",
    "confirm_text": (
        "Das bedeutet, dass deine Anfrage ab jetzt auf die Entwicklung und Verbesserung von KI "
        "bei Meta angewendet wird. Du erhältst eine E-Mail mit den Details."
    ),
    "refused_title": "Wir können deinen Widerspruch nicht bearbeiten",
    "refused_text": (
        "Wir haben deine Anfrage geprüft. Auf Grundlage der von dir angegebenen Informationen "
        "wurde dein Widerspruch nicht angenommen und wir werden deine Informationen weiterhin für "
        "KI bei Meta verarbeiten. Du erhältst eine E-Mail mit den Details."
    ),
    "error_title": "Leider ist ein Fehler aufgetreten.",
    "error_text": "Wir arbeiten daran, das Problem so schnell wie möglich zu beheben.",
    "notfound_title": "Dieser Inhalt ist momentan nicht verfügbar",
    "notfound_text": (
        "Das passiert in der Regel, wenn der Eigentümer den Inhalt nur mit einer kleinen "
        "Personengruppe geteilt oder die Zielgruppe geändert hat oder wenn der Inhalt gelöscht "
        "wurde."
    ),
    "gate_title": "Kontaktiere uns zur Datenschutzrichtlinie",
    "gate_question": "Bezieht sich deine Anfrage auf KI bei Meta?",
    "yes": "Ja",
    "no": "Nein",
    "next": "Weiter",
    "help_title": "Wie können wir dir helfen?",
    "help_access": "Auf deine Informationen zugreifen",
    "privacy_title": "Wie Meta Informationen für generative KI-Modelle und -Funktionen verwendet",
    "privacy_intro": (
        "Wir verwenden online öffentlich verfügbare und lizenzierte Informationen sowie "
        "Informationen, die in Meta-Produkten und -Services geteilt wurden, um KI bei Meta zu "
        "entwickeln und zu verbessern."
    ),
    "privacy_rights": "Deine Rechte",
    "right_to_object": "Widerspruchsrecht",
    "privacy_object_sentence": (
        "Du hast das Recht, der Verwendung deiner Informationen für KI bei Meta {link}."
    ),
    "privacy_object_link": "zu widersprechen",
    "privacy_tp_heading": "Ausführlichere Informationen zu den generativen KI-Modellen von Meta",
    "privacy_tp_sub": "Dein Widerspruchsrecht",
    "privacy_tp_text": (
        "Du kannst eine Anfrage senden, wenn du der Verwendung deiner personenbezogenen Daten von "
        "Dritten für KI bei Meta widersprechen, sie einschränken oder sie löschen lassen möchtest."
    ),
    "privacy_tp_link": "Hier erfährst du mehr und kannst Anfragen einreichen",
    "tp_title": (
        "Betroffenenrechte für Informationen von Dritten, die für KI bei Meta verwendet werden"
    ),
    "tp_intro_1": (
        "Anfragen, die über dieses Formular gesendet werden, erfüllen wir nicht automatisch. Wir "
        "prüfen sie gemäß den geltenden örtlichen Gesetzen."
    ),
    "tp_intro_2": "Gib unten deine Daten ein, um deine Anfrage zu senden.",
    "tp_choice_label": "Welche der folgenden Optionen beschreibt deine Anfrage am besten?",
    "tp_object": (
        "Ich möchte der Verarbeitung meiner personenbezogenen Daten von Dritten, die für die "
        "Entwicklung und Verbesserung von KI bei Meta verwendet werden, widersprechen oder sie "
        "einschränken"
    ),
    "tp_delete": (
        "Ich möchte personenbezogene Daten von Dritten löschen lassen, die für die Entwicklung "
        "und Verbesserung von KI bei Meta verwendet werden"
    ),
    "tp_other": (
        "Ich habe ein anderes Anliegen oder möchte auf meine personenbezogenen Daten von Dritten "
        "zugreifen, die für KI bei Meta verwendet werden"
    ),
    "tp_other_info": (
        "Um auf deine Informationen zuzugreifen oder bei anderen Fragen zum Datenschutz, besuche "
        "das Privacy Center."
    ),
    "first_name": "Vorname",
    "last_name": "Nachname",
    "tp_knowledge": (
        "Hast du eine Antwort von KI bei Meta gesehen, die zeigt, dass sie Wissen über dich hat?"
    ),
    "tp_prompts": (
        "Bitte gib die Prompts an, die du eingegeben hast und die dazu geführt haben, dass deine "
        "personenbezogenen Daten in einer Antwort erschienen sind"
    ),
    "tp_prompts_hint": "Gib jeden Prompt in einer eigenen Zeile ein.",
    "tp_evidence": (
        "Bitte lade einen Screenshot der Antwort hoch, die deine personenbezogenen Daten enthält"
    ),
    "tp_evidence_button": "Datei auswählen",
    "tp_no_file": "Keine Datei ausgewählt",
    "tp_details": (
        "Bitte gib weitere Kontextinformationen an und teile uns mit, was du beantragst"
    ),
    "tp_details_hint": "Mindestens 100 Zeichen",
    "tp_details_error": "Bitte gib mindestens 100 Zeichen ein.",
    "unk_title": "Erzähl uns von einem Produkt, das du gekauft hast",
    "unk_date": "Kaufdatum",
    "unk_describe": "Beschreibe das Produkt",
    "unk_continue": "Weiter",
}

FR = {
    "banner_title_fb": "Autoriser l’utilisation des cookies de Facebook sur ce navigateur ?",
    "banner_title_ig": "Autoriser l’utilisation des cookies d’Instagram sur ce navigateur ?",
    "banner_body_fb": (
        "Nous utilisons des cookies et des technologies similaires pour fournir et améliorer le "
        "contenu des Produits Meta. Nous les utilisons également pour offrir une expérience plus "
        "sûre grâce aux informations que nous recevons des cookies sur Facebook et en dehors."
    ),
    "banner_body_ig": (
        "Nous utilisons des cookies et des technologies similaires pour fournir et améliorer le "
        "contenu des Produits Meta. Nous les utilisons également pour offrir une expérience plus "
        "sûre grâce aux informations que nous recevons des cookies sur Instagram et en dehors."
    ),
    "banner_learn_more": "En savoir plus sur les cookies",
    "banner_essential": "Autoriser uniquement les cookies essentiels",
    "banner_optional": "Autoriser les cookies essentiels et optionnels",
    "banner_decline": "Refuser les cookies optionnels",
    "banner_all": "Autoriser tous les cookies",
    "help_centre": "Pages d’aide",
    "privacy_centre": "Espace confidentialité",
    "go_back": "Retour",
    "close": "Fermer",
    "go_to_feed": "Aller au fil d’actualité",
    "visit_help": "Consulter les Pages d’aide",
    "login_title": "Se connecter à Facebook",
    "login_must": "Vous devez vous connecter pour continuer.",
    "login_email": "Adresse e-mail ou numéro de mobile",
    "login_pass": "Mot de passe",
    "login_button": "Se connecter",
    "login_forgot": "Mot de passe oublié ?",
    "login_error": "Le mot de passe entré est incorrect.",
    "ig_login_user": "Numéro de téléphone, nom de profil ou e-mail",
    "ig_login_pass": "Mot de passe",
    "ig_login_button": "Se connecter",
    "ig_login_error": "Désolé, votre mot de passe est incorrect. Veuillez le vérifier.",
    "feed_title": "Fil d’actualité",
    "feed_composer": "Que voulez-vous dire ?",
    "ig_home": "Accueil",
    "form_title": "Vous opposer à l’utilisation de vos informations pour l’IA chez Meta",
    "form_intro_1": (
        "Vous avez le droit de vous opposer à ce que Meta utilise les informations que vous avez "
        "partagées sur nos Produits et services pour développer et améliorer l’IA chez Meta. Vous "
        "pouvez envoyer ce formulaire pour exercer ce droit."
    ),
    "form_intro_2": (
        "Nous traiterons votre opposition conformément aux lois applicables en matière de "
        "protection des données. Si votre opposition est acceptée, elle s’appliquera à l’avenir."
    ),
    "country_label": "Pays de résidence",
    "country_placeholder": "Sélectionnez un pays",
    "email_label": "Adresse e-mail",
    "reason_label": "Veuillez nous indiquer l’impact de ce traitement sur vous",
    "optional": "facultatif",
    "send": "Envoyer",
    "required_error": "Veuillez remplir ce champ.",
    "email_error": "Veuillez saisir une adresse e-mail valide.",
    "choose_error": "Veuillez choisir une option.",
    "code_title": "Consultez vos e-mails",
    "code_body": (
        "Saisissez le code à 6 chiffres que nous avons envoyé à {email}. Le code expire dans "
        "une heure."
    ),
    "code_label": "Code de confirmation",
    "code_confirm": "Confirmer",
    "code_cancel": "Annuler",
    "code_wrong": "Ce code n’est pas correct. Vérifiez vos e-mails et réessayez.",
    "code_expired": "Ce code a expiré. Nous vous en avons envoyé un nouveau.",
    "confirm_title": "Merci pour votre demande",
    "confirm_text": (
        "Cela signifie que votre demande sera désormais appliquée au développement et à "
        "l’amélioration de l’IA chez Meta. Vous recevrez un e-mail contenant les détails."
    ),
    "refused_title": "Nous ne pouvons pas traiter votre opposition",
    "refused_text": (
        "Nous avons examiné votre demande. Sur la base des informations que vous avez fournies, "
        "votre opposition n’a pas été acceptée et nous continuerons à traiter vos informations "
        "pour l’IA chez Meta. Vous recevrez un e-mail contenant les détails."
    ),
    "error_title": "Désolé, une erreur s’est produite.",
    "error_text": "Nous travaillons à la résolution de ce problème dans les plus brefs délais.",
    "notfound_title": "Ce contenu n’est pas disponible pour le moment",
    "notfound_text": (
        "Lorsque cela se produit, c’est généralement parce que le propriétaire l’a partagé avec "
        "un petit groupe de personnes, a modifié qui peut le voir ou l’a supprimé."
    ),
    "gate_title": "Nous contacter au sujet de la Politique de confidentialité",
    "gate_question": "Votre demande concerne-t-elle l’IA chez Meta ?",
    "yes": "Oui",
    "no": "Non",
    "next": "Suivant",
    "help_title": "Comment pouvons-nous vous aider ?",
    "help_access": "Accéder à vos informations",
    "privacy_title": (
        "Comment Meta utilise les informations pour les modèles et fonctionnalités d’IA générative"
    ),
    "privacy_intro": (
        "Nous utilisons des informations accessibles publiquement en ligne et des informations "
        "sous licence, ainsi que des informations partagées sur les Produits et services Meta, "
        "pour développer et améliorer l’IA chez Meta."
    ),
    "privacy_rights": "Vos droits",
    "right_to_object": "Droit d’opposition",
    "privacy_object_sentence": (
        "Vous avez le droit de vous {link} à l’utilisation de vos informations pour l’IA chez Meta."
    ),
    "privacy_object_link": "opposer",
    "privacy_tp_heading": "Informations plus détaillées sur les modèles d’IA générative de Meta",
    "privacy_tp_sub": "Votre droit d’opposition",
    "privacy_tp_text": (
        "Vous pouvez envoyer une demande si vous souhaitez vous opposer à l’utilisation de vos "
        "informations personnelles provenant de tiers pour l’IA chez Meta, la limiter ou les "
        "faire supprimer."
    ),
    "privacy_tp_link": "En savoir plus et envoyer des demandes ici",
    "tp_title": (
        "Droits des personnes concernées relatifs aux informations de tiers utilisées pour l’IA "
        "chez Meta"
    ),
    "tp_intro_1": (
        "Nous ne traitons pas automatiquement les demandes envoyées à l’aide de ce formulaire. "
        "Nous les examinons conformément aux lois locales en vigueur."
    ),
    "tp_intro_2": "Saisissez vos coordonnées ci-dessous pour envoyer votre demande.",
    "tp_choice_label": "Laquelle des options suivantes décrit le mieux votre demande ?",
    "tp_object": (
        "Je souhaite m’opposer au traitement de mes informations personnelles provenant de tiers "
        "utilisées pour développer et améliorer l’IA chez Meta, ou le limiter"
    ),
    "tp_delete": (
        "Je souhaite supprimer les informations personnelles provenant de tiers utilisées pour "
        "créer et améliorer l’IA chez Meta"
    ),
    "tp_other": (
        "J’ai un autre problème ou je souhaite accéder à mes informations personnelles provenant "
        "de tiers utilisées pour l’IA chez Meta"
    ),
    "tp_other_info": (
        "Pour accéder à vos informations ou pour toute autre question relative à la "
        "confidentialité, consultez l’Espace confidentialité."
    ),
    "first_name": "Prénom",
    "last_name": "Nom de famille",
    "tp_knowledge": (
        "Avez-vous vu une réponse de l’IA chez Meta montrant qu’elle dispose d’informations sur "
        "vous ?"
    ),
    "tp_prompts": (
        "Veuillez indiquer les requêtes que vous avez saisies et qui ont fait apparaître vos "
        "informations personnelles dans une réponse"
    ),
    "tp_prompts_hint": "Saisissez chaque requête sur une ligne distincte.",
    "tp_evidence": (
        "Veuillez importer une capture d’écran de la réponse contenant vos informations "
        "personnelles"
    ),
    "tp_evidence_button": "Choisir un fichier",
    "tp_no_file": "Aucun fichier sélectionné",
    "tp_details": (
        "Veuillez fournir tout contexte supplémentaire et nous indiquer ce que vous demandez"
    ),
    "tp_details_hint": "100 caractères minimum",
    "tp_details_error": "Veuillez saisir au moins 100 caractères.",
    "unk_title": "Parlez-nous d’un produit que vous avez acheté",
    "unk_date": "Date d’achat",
    "unk_describe": "Décrivez le produit",
    "unk_continue": "Continuer",
}

ES = {
    "banner_title_fb": "¿Permitir el uso de cookies de Facebook en este navegador?",
    "banner_title_ig": "¿Permitir el uso de cookies de Instagram en este navegador?",
    "banner_body_fb": (
        "Usamos cookies y tecnologías similares para ayudar a ofrecer y mejorar el contenido de "
        "los Productos de Meta. También las usamos para ofrecer una experiencia más segura "
        "mediante la información que recibimos de las cookies dentro y fuera de Facebook."
    ),
    "banner_body_ig": (
        "Usamos cookies y tecnologías similares para ayudar a ofrecer y mejorar el contenido de "
        "los Productos de Meta. También las usamos para ofrecer una experiencia más segura "
        "mediante la información que recibimos de las cookies dentro y fuera de Instagram."
    ),
    "banner_learn_more": "Más información sobre las cookies",
    "banner_essential": "Permitir solo cookies esenciales",
    "banner_optional": "Permitir cookies esenciales y opcionales",
    "banner_decline": "Rechazar cookies opcionales",
    "banner_all": "Permitir todas las cookies",
    "help_centre": "Servicio de ayuda",
    "privacy_centre": "Centro de privacidad",
    "go_back": "Volver",
    "close": "Cerrar",
    "go_to_feed": "Ir a la sección de noticias",
    "visit_help": "Ir al Servicio de ayuda",
    "login_title": "Iniciar sesión en Facebook",
    "login_must": "Debes iniciar sesión para continuar.",
    "login_email": "Correo electrónico o número de teléfono",
    "login_pass": "Contraseña",
    "login_button": "Iniciar sesión",
    "login_forgot": "¿Has olvidado la contraseña?",
    "login_error": "La contraseña que has introducido es incorrecta.",
    "ig_login_user": "Teléfono, usuario o correo electrónico",
    "ig_login_pass": "Contraseña",
    "ig_login_button": "Entrar",
    "ig_login_error": "Tu contraseña no es correcta. Compruébala.",
    "feed_title": "Noticias",
    "feed_composer": "¿Qué estás pensando?",
    "ig_home": "Inicio",
    "form_title": "Oponerte al uso de tu información para la IA en Meta",
    "form_intro_1": (
        "Tienes derecho a oponerte a que Meta use la información que has compartido en nuestros "
        "Productos y servicios para desarrollar y mejorar la IA en Meta. Puedes enviar este "
        "formulario para ejercer ese derecho."
    ),
    "form_intro_2": (
        "Trataremos tu oposición de acuerdo con las leyes de protección de datos aplicables. Si "
        "se acepta tu oposición, se aplicará en el futuro."
    ),
    "country_label": "País de residencia",
    "country_placeholder": "Selecciona un país",
    "email_label": "Dirección de correo electrónico",
    "reason_label": "Indícanos cómo te afecta este tratamiento",
    "optional": "opcional",
    "send": "Enviar",
    "required_error": "Completa este campo.",
    "email_error": "Introduce una dirección de correo electrónico válida.",
    "choose_error": "Elige una opción.",
    "code_title": "Revisa tu correo electrónico",
    "code_body": (
        "Introduce el código de 6 dígitos que hemos enviado a {email}. El código caduca en una "
        "hora."
    ),
    "code_label": "Código de confirmación",
    "code_confirm": "Confirmar",
    "code_cancel": "Cancelar",
    "code_wrong": "Ese código no es correcto. Revisa tu correo electrónico e inténtalo de nuevo.",
    "code_expired": "Este código ha caducado. Te hemos enviado uno nuevo.",
    "confirm_title": "Gracias por tu solicitud",
    "confirm_text": (
        "Esto significa que tu solicitud se aplicará a partir de ahora al desarrollo y la mejora "
        "de la IA en Meta. Recibirás un correo electrónico con los detalles."
    ),
    "refused_title": "No podemos tramitar tu oposición",
    "refused_text": (
        "Hemos revisado tu solicitud. Según la información que has proporcionado, tu oposición no "
        "se ha aceptado y seguiremos tratando tu información para la IA en Meta. Recibirás un "
        "correo electrónico con los detalles."
    ),
    "error_title": "Lo sentimos, se ha producido un error.",
    "error_text": "Estamos trabajando para solucionarlo lo antes posible.",
    "notfound_title": "Este contenido no está disponible en este momento",
    "notfound_text": (
        "Por lo general, esto sucede porque el propietario solo compartió el contenido con un "
        "grupo reducido de personas, cambió quién puede verlo o este se eliminó."
    ),
    "gate_title": "Contactar con nosotros sobre la Política de privacidad",
    "gate_question": "¿Tu solicitud está relacionada con la IA en Meta?",
    "yes": "Sí",
    "no": "No",
    "next": "Siguiente",
    "help_title": "¿Cómo podemos ayudarte?",
    "help_access": "Acceder a tu información",
    "privacy_title": "Cómo usa Meta la información para los modelos y las funciones de IA generativa",
    "privacy_intro": (
        "Usamos información disponible públicamente en internet e información con licencia, así "
        "como información compartida en los Productos y servicios de Meta, para desarrollar y "
        "mejorar la IA en Meta."
    ),
    "privacy_rights": "Tus derechos",
    "right_to_object": "Derecho de oposición",
    "privacy_object_sentence": "Tienes derecho a {link} al uso de tu información para la IA en Meta.",
    "privacy_object_link": "oponerte",
    "privacy_tp_heading": "Información más detallada sobre los modelos de IA generativa de Meta",
    "privacy_tp_sub": "Tu derecho de oposición",
    "privacy_tp_text": (
        "Puedes enviar una solicitud si quieres oponerte al uso de tu información personal "
        "procedente de terceros para la IA en Meta, limitarlo o eliminarla."
    ),
    "privacy_tp_link": "Más información y envío de solicitudes aquí",
    "tp_title": (
        "Derechos de los interesados en relación con la información de terceros usada para la IA "
        "en Meta"
    ),
    "tp_intro_1": (
        "No atendemos automáticamente las solicitudes enviadas mediante este formulario. Las "
        "revisamos de acuerdo con la legislación local aplicable."
    ),
    "tp_intro_2": "Introduce tus datos a continuación para enviar tu solicitud.",
    "tp_choice_label": "¿Cuál de las siguientes opciones describe mejor tu solicitud?",
    "tp_object": (
        "Quiero oponerme al tratamiento de mi información personal procedente de terceros que se "
        "usa para desarrollar y mejorar la IA en Meta, o limitarlo"
    ),
    "tp_delete": (
        "Quiero eliminar la información personal procedente de terceros que se usa para crear y "
        "mejorar la IA en Meta"
    ),
    "tp_other": (
        "Tengo otro problema o quiero acceder a mi información personal procedente de terceros "
        "que se usa para la IA en Meta"
    ),
    "tp_other_info": (
        "Para acceder a tu información o si tienes otras preguntas sobre privacidad, visita el "
        "Centro de privacidad."
    ),
    "first_name": "Nombre",
    "last_name": "Apellidos",
    "tp_knowledge": (
        "¿Has visto una respuesta de la IA en Meta que demuestre que tiene conocimiento sobre ti?"
    ),
    "tp_prompts": (
        "Indica las instrucciones que introdujiste y que hicieron que tu información personal "
        "apareciera en una respuesta"
    ),
    "tp_prompts_hint": "Escribe cada instrucción en una línea.",
    "tp_evidence": (
        "Sube una captura de pantalla de la respuesta que contiene tu información personal"
    ),
    "tp_evidence_button": "Elegir archivo",
    "tp_no_file": "Ningún archivo seleccionado",
    "tp_details": "Proporciona cualquier contexto adicional e indícanos qué solicitas",
    "tp_details_hint": "Mínimo 100 caracteres",
    "tp_details_error": "Introduce al menos 100 caracteres.",
    "unk_title": "Cuéntanos sobre un producto que has comprado",
    "unk_date": "Fecha de compra",
    "unk_describe": "Describe el producto",
    "unk_continue": "Continuar",
}

IT = {
    "banner_title_fb": "Consentire l'uso dei cookie di Facebook su questo browser?",
    "banner_title_ig": "Consentire l'uso dei cookie di Instagram su questo browser?",
    "banner_body_fb": (
        "Usiamo i cookie e tecnologie simili per aiutare a fornire e migliorare i contenuti sui "
        "Prodotti Meta. Li usiamo anche per offrire un'esperienza più sicura usando le "
        "informazioni che riceviamo dai cookie su Facebook e al di fuori."
    ),
    "banner_body_ig": (
        "Usiamo i cookie e tecnologie simili per aiutare a fornire e migliorare i contenuti sui "
        "Prodotti Meta. Li usiamo anche per offrire un'esperienza più sicura usando le "
        "informazioni che riceviamo dai cookie su Instagram e al di fuori."
    ),
    "banner_learn_more": "Maggiori informazioni sui cookie",
    "banner_essential": "Consenti solo i cookie essenziali",
    "banner_optional": "Consenti cookie essenziali e facoltativi",
    "banner_decline": "Rifiuta cookie facoltativi",
    "banner_all": "Consenti tutti i cookie",
    "help_centre": "Centro assistenza",
    "privacy_centre": "Centro sulla privacy",
    "go_back": "Torna indietro",
    "close": "Chiudi",
    "go_to_feed": "Vai alla sezione Notizie",
    "visit_help": "Visita il Centro assistenza",
    "login_title": "Accedi a Facebook",
    "login_must": "Devi accedere per continuare.",
    "login_email": "E-mail o numero di cellulare",
    "login_pass": "Password",
    "login_button": "Accedi",
    "login_forgot": "Password dimenticata?",
    "login_error": "La password inserita non è corretta.",
    "ig_login_user": "Numero di telefono, nome utente o e-mail",
    "ig_login_pass": "Password",
    "ig_login_button": "Accedi",
    "ig_login_error": "La password inserita non è corretta. Ricontrollala.",
    "feed_title": "Notizie",
    "feed_composer": "A cosa stai pensando?",
    "ig_home": "Home",
    "form_title": "Opporti all'uso delle tue informazioni per l'IA in Meta",
    "form_intro_1": (
        "Hai il diritto di opporti all'uso da parte di Meta delle informazioni che hai condiviso "
        "sui nostri Prodotti e servizi per sviluppare e migliorare l'IA in Meta. Puoi inviare "
        "questo modulo per esercitare tale diritto."
    ),
    "form_intro_2": (
        "Elaboreremo la tua opposizione in conformità con le leggi sulla protezione dei dati "
        "applicabili. Se la tua opposizione verrà accolta, sarà applicata in futuro."
    ),
    "country_label": "Paese di residenza",
    "country_placeholder": "Seleziona un Paese",
    "email_label": "Indirizzo e-mail",
    "reason_label": "Indicaci in che modo questo trattamento ti riguarda",
    "optional": "facoltativo",
    "send": "Invia",
    "required_error": "Compila questo campo.",
    "email_error": "Inserisci un indirizzo e-mail valido.",
    "choose_error": "Scegli un'opzione.",
    "code_title": "Controlla la tua e-mail",
    "code_body": (
        "Inserisci il codice di 6 cifre che abbiamo inviato a {email}. Il codice scade tra un'ora."
    ),
    "code_label": "Codice di conferma",
    "code_confirm": "Conferma",
    "code_cancel": "Annulla",
    "code_wrong": "Il codice non è corretto. Controlla la tua e-mail e riprova.",
    "code_expired": "Questo codice è scaduto. Te ne abbiamo inviato uno nuovo.",
    "confirm_title": "Grazie per la tua richiesta",
    "confirm_text": (
        "Ciò significa che la tua richiesta verrà applicata d'ora in avanti allo sviluppo e al "
        "miglioramento dell'IA in Meta. Riceverai una e-mail con i dettagli."
    ),
    "refused_title": "Non possiamo elaborare la tua opposizione",
    "refused_text": (
        "Abbiamo esaminato la tua richiesta. In base alle informazioni che hai fornito, la tua "
        "opposizione non è stata accolta e continueremo a trattare le tue informazioni per l'IA "
        "in Meta. Riceverai una e-mail con i dettagli."
    ),
    "error_title": "Spiacenti, si è verificato un errore.",
    "error_text": "Stiamo lavorando per risolvere il problema il prima possibile.",
    "notfound_title": "Questo contenuto non è al momento disponibile",
    "notfound_text": (
        "Quando succede, in genere è perché il proprietario l'ha condiviso solo con un gruppo "
        "ristretto di persone, ha modificato chi può vederlo o l'ha eliminato."
    ),
    "gate_title": "Contattaci in merito all'Informativa sulla privacy",
    "gate_question": "La tua richiesta riguarda l'IA in Meta?",
    "yes": "Sì",
    "no": "No",
    "next": "Avanti",
    "help_title": "Come possiamo aiutarti?",
    "help_access": "Accedi alle tue informazioni",
    "privacy_title": (
        "In che modo Meta usa le informazioni per i modelli e le funzioni di IA generativa"
    ),
    "privacy_intro": (
        "Usiamo informazioni disponibili pubblicamente online e informazioni concesse in licenza, "
        "oltre alle informazioni condivise sui Prodotti e servizi Meta, per sviluppare e "
        "migliorare l'IA in Meta."
    ),
    "privacy_rights": "I tuoi diritti",
    "right_to_object": "Diritto di opposizione",
    "privacy_object_sentence": (
        "Hai il diritto di {link} all'uso delle tue informazioni per l'IA in Meta."
    ),
    "privacy_object_link": "opporti",
    "privacy_tp_heading": "Informazioni più dettagliate sui modelli di IA generativa di Meta",
    "privacy_tp_sub": "Il tuo diritto di opposizione",
    "privacy_tp_text": (
        "Puoi inviare una richiesta se vuoi opporti all'uso delle tue informazioni personali "
        "provenienti da terzi per l'IA in Meta, limitarlo o eliminarle."
    ),
    "privacy_tp_link": "Scopri di più e invia le richieste qui",
    "tp_title": (
        "Diritti degli interessati relativi alle informazioni di terzi utilizzate per l'IA in Meta"
    ),
    "tp_intro_1": (
        "Non soddisfiamo automaticamente le richieste inviate tramite questo modulo. Le "
        "esaminiamo in conformità con le leggi locali applicabili."
    ),
    "tp_intro_2": "Inserisci i tuoi dati qui sotto per inviare la tua richiesta.",
    "tp_choice_label": "Quale delle seguenti opzioni descrive meglio la tua richiesta?",
    "tp_object": (
        "Voglio oppormi al trattamento delle mie informazioni personali provenienti da terzi "
        "utilizzate per sviluppare e migliorare l'IA in Meta o limitarlo"
    ),
    "tp_delete": (
        "Voglio eliminare le informazioni personali provenienti da terzi utilizzate per creare e "
        "migliorare l'IA in Meta"
    ),
    "tp_other": (
        "Ho un altro problema o voglio accedere alle mie informazioni personali provenienti da "
        "terzi utilizzate per l'IA in Meta"
    ),
    "tp_other_info": (
        "Per accedere alle tue informazioni o per altre domande sulla privacy, visita il Centro "
        "sulla privacy."
    ),
    "first_name": "Nome",
    "last_name": "Cognome",
    "tp_knowledge": "Hai visto una risposta dell'IA in Meta che dimostra che ha conoscenza di te?",
    "tp_prompts": (
        "Indica i prompt che hai inserito e che hanno fatto comparire le tue informazioni "
        "personali in una risposta"
    ),
    "tp_prompts_hint": "Inserisci ogni prompt su una riga separata.",
    "tp_evidence": "Carica uno screenshot della risposta che contiene le tue informazioni personali",
    "tp_evidence_button": "Scegli file",
    "tp_no_file": "Nessun file selezionato",
    "tp_details": (
        "Fornisci ulteriori informazioni di contesto e indicaci cosa stai richiedendo"
    ),
    "tp_details_hint": "Minimo 100 caratteri",
    "tp_details_error": "Inserisci almeno 100 caratteri.",
    "unk_title": "Parlaci di un prodotto che hai acquistato",
    "unk_date": "Data di acquisto",
    "unk_describe": "Descrivi il prodotto",
    "unk_continue": "Continua",
}

NL = {
    "banner_title_fb": "Het gebruik van cookies van Facebook toestaan in deze browser?",
    "banner_title_ig": "Het gebruik van cookies van Instagram toestaan in deze browser?",
    "banner_body_fb": (
        "We gebruiken cookies en vergelijkbare technologieën om content op Meta-producten aan te "
        "bieden en te verbeteren. We gebruiken ze ook om een veiligere ervaring te bieden met "
        "informatie die we via cookies op en buiten Facebook ontvangen."
    ),
    "banner_body_ig": (
        "We gebruiken cookies en vergelijkbare technologieën om content op Meta-producten aan te "
        "bieden en te verbeteren. We gebruiken ze ook om een veiligere ervaring te bieden met "
        "informatie die we via cookies op en buiten Instagram ontvangen."
    ),
    "banner_learn_more": "Meer informatie over cookies",
    "banner_essential": "Alleen essentiële cookies toestaan",
    "banner_optional": "Essentiële en optionele cookies toestaan",
    "banner_decline": "Optionele cookies weigeren",
    "banner_all": "Alle cookies toestaan",
    "help_centre": "Helpcentrum",
    "privacy_centre": "Privacycentrum",
    "go_back": "Ga terug",
    "close": "Sluiten",
    "go_to_feed": "Ga naar het nieuwsoverzicht",
    "visit_help": "Ga naar het Helpcentrum",
    "login_title": "Aanmelden bij Facebook",
    "login_must": "Je moet inloggen om door te gaan.",
    "login_email": "E-mailadres of mobiel nummer",
    "login_pass": "Wachtwoord",
    "login_button": "Inloggen",
    "login_forgot": "Wachtwoord vergeten?",
    "login_error": "Het ingevoerde wachtwoord is onjuist.",
    "ig_login_user": "Telefoonnummer, gebruikersnaam of e-mailadres",
    "ig_login_pass": "Wachtwoord",
    "ig_login_button": "Inloggen",
    "ig_login_error": "Je wachtwoord is onjuist. Controleer je wachtwoord.",
    "feed_title": "Nieuwsoverzicht",
    "feed_composer": "Wat wil je delen?",
    "ig_home": "Startpagina",
    "form_title": "Bezwaar maken tegen het gebruik van je informatie voor AI bij Meta",
    "form_intro_1": (
        "Je hebt het recht om bezwaar te maken tegen het gebruik door Meta van de informatie die "
        "je op onze Producten en diensten hebt gedeeld voor het ontwikkelen en verbeteren van AI "
        "bij Meta. Je kunt dit formulier indienen om dat recht uit te oefenen."
    ),
    "form_intro_2": (
        "We verwerken je bezwaar in overeenstemming met de toepasselijke wetgeving inzake "
        "gegevensbescherming. Als je bezwaar wordt geaccepteerd, is het voortaan van toepassing."
    ),
    "country_label": "Land van verblijf",
    "country_placeholder": "Selecteer een land",
    "email_label": "E-mailadres",
    "reason_label": "Vertel ons hoe deze verwerking invloed op je heeft",
    "optional": "optioneel",
    "send": "Verzenden",
    "required_error": "Vul dit veld in.",
    "email_error": "Voer een geldig e-mailadres in.",
    "choose_error": "Kies een optie.",
    "code_title": "Controleer je e-mail",
    "code_body": (
        "Voer de 6-cijferige code in die we naar {email} hebben gestuurd. De code verloopt over "
        "een uur."
    ),
    "code_label": "Bevestigingscode",
    "code_confirm": "Bevestigen",
    "code_cancel": "Annuleren",
    "code_wrong": "Die code is niet juist. Controleer je e-mail en probeer het opnieuw.",
    "code_expired": "Deze code is verlopen. We hebben je een nieuwe gestuurd.",
    "confirm_title": "Bedankt voor je verzoek",
    "confirm_text": (
        "Dit betekent dat je verzoek vanaf nu wordt toegepast op de ontwikkeling en verbetering "
        "van AI bij Meta. Je ontvangt een e-mail met de details."
    ),
    "refused_title": "We kunnen je bezwaar niet verwerken",
    "refused_text": (
        "We hebben je verzoek beoordeeld. Op basis van de informatie die je hebt verstrekt, is je "
        "bezwaar niet geaccepteerd en blijven we je informatie verwerken voor AI bij Meta. Je "
        "ontvangt een e-mail met de details."
    ),
    "error_title": "Sorry, er is iets misgegaan.",
    "error_text": "We werken eraan om dit zo snel mogelijk op te lossen.",
    "notfound_title": "Deze content is momenteel niet beschikbaar",
    "notfound_text": (
        "Dit gebeurt meestal omdat de eigenaar de content alleen met een kleine groep mensen heeft "
        "gedeeld, heeft gewijzigd wie de content kan zien of de content heeft verwijderd."
    ),
    "gate_title": "Contact met ons opnemen over het Privacybeleid",
    "gate_question": "Gaat je verzoek over AI bij Meta?",
    "yes": "Ja",
    "no": "Nee",
    "next": "Volgende",
    "help_title": "Hoe kunnen we je helpen?",
    "help_access": "Je informatie openen",
    "privacy_title": "Hoe Meta informatie gebruikt voor generatieve AI-modellen en -functies",
    "privacy_intro": (
        "We gebruiken informatie die openbaar online beschikbaar is en gelicentieerde informatie, "
        "evenals informatie die is gedeeld op Producten en diensten van Meta, om AI bij Meta te "
        "ontwikkelen en te verbeteren."
    ),
    "privacy_rights": "Jouw rechten",
    "right_to_object": "Recht van bezwaar",
    "privacy_object_sentence": (
        "Je hebt het recht om {link} te maken tegen het gebruik van je informatie voor AI bij Meta."
    ),
    "privacy_object_link": "bezwaar",
    "privacy_tp_heading": "Meer gedetailleerde informatie over de generatieve AI-modellen van Meta",
    "privacy_tp_sub": "Jouw recht van bezwaar",
    "privacy_tp_text": (
        "Je kunt een verzoek indienen als je bezwaar wilt maken tegen het gebruik van je "
        "persoonsgegevens van derden voor AI bij Meta, dit wilt beperken of de gegevens wilt laten "
        "verwijderen."
    ),
    "privacy_tp_link": "Hier vind je meer informatie en kun je verzoeken indienen",
    "tp_title": (
        "Rechten van betrokkenen voor informatie van derden die wordt gebruikt voor AI bij Meta"
    ),
    "tp_intro_1": (
        "We voeren verzoeken die via dit formulier worden verzonden niet automatisch uit. We "
        "beoordelen ze in overeenstemming met de toepasselijke lokale wetgeving."
    ),
    "tp_intro_2": "Vul hieronder je gegevens in om je verzoek in te dienen.",
    "tp_choice_label": "Welke van de volgende opties beschrijft je verzoek het best?",
    "tp_object": (
        "Ik wil bezwaar maken tegen of beperking vragen van de verwerking van mijn "
        "persoonsgegevens van derden die worden gebruikt voor het ontwikkelen en verbeteren van "
        "AI bij Meta"
    ),
    "tp_delete": (
        "Ik wil persoonsgegevens van derden verwijderen die worden gebruikt voor het bouwen en "
        "verbeteren van AI bij Meta"
    ),
    "tp_other": (
        "Ik heb een ander probleem of ik wil mijn persoonsgegevens van derden inzien die worden "
        "gebruikt voor AI bij Meta"
    ),
    "tp_other_info": (
        "Ga naar het Privacycentrum om je informatie in te zien of voor andere vragen over privacy."
    ),
    "first_name": "Voornaam",
    "last_name": "Achternaam",
    "tp_knowledge": (
        "Heb je een antwoord van AI bij Meta gezien waaruit blijkt dat deze kennis over je heeft?"
    ),
    "tp_prompts": (
        "Geef de prompts op die je hebt ingevoerd waardoor je persoonsgegevens in een antwoord "
        "verschenen"
    ),
    "tp_prompts_hint": "Zet elke prompt op een aparte regel.",
    "tp_evidence": "Upload een screenshot van het antwoord met je persoonsgegevens",
    "tp_evidence_button": "Bestand kiezen",
    "tp_no_file": "Geen bestand geselecteerd",
    "tp_details": "Geef aanvullende context en vertel ons wat je aanvraagt",
    "tp_details_hint": "Minimaal 100 tekens",
    "tp_details_error": "Voer minimaal 100 tekens in.",
    "unk_title": "Vertel ons over een product dat je hebt gekocht",
    "unk_date": "Aankoopdatum",
    "unk_describe": "Beschrijf het product",
    "unk_continue": "Doorgaan",
}

PL = {
    "banner_title_fb": "Zezwolić na użycie plików cookie z Facebooka w tej przeglądarce?",
    "banner_title_ig": "Zezwolić na użycie plików cookie z Instagrama w tej przeglądarce?",
    "banner_body_fb": (
        "Używamy plików cookie i podobnych technologii, aby pomagać w dostarczaniu i ulepszaniu "
        "treści w Produktach Meta. Używamy ich również, aby zapewnić większe bezpieczeństwo, "
        "korzystając z informacji otrzymywanych z plików cookie na Facebooku i poza nim."
    ),
    "banner_body_ig": (
        "Używamy plików cookie i podobnych technologii, aby pomagać w dostarczaniu i ulepszaniu "
        "treści w Produktach Meta. Używamy ich również, aby zapewnić większe bezpieczeństwo, "
        "korzystając z informacji otrzymywanych z plików cookie na Instagramie i poza nim."
    ),
    "banner_learn_more": "Dowiedz się więcej o plikach cookie",
    "banner_essential": "Zezwól tylko na niezbędne pliki cookie",
    "banner_optional": "Zezwól na niezbędne i opcjonalne pliki cookie",
    "banner_decline": "Odrzuć opcjonalne pliki cookie",
    "banner_all": "Zezwól na wszystkie pliki cookie",
    "help_centre": "Pomoc",
    "privacy_centre": "Centrum prywatności",
    "go_back": "Wróć",
    "close": "Zamknij",
    "go_to_feed": "Przejdź do Aktualności",
    "visit_help": "Odwiedź Centrum pomocy",
    "login_title": "Zaloguj się do Facebooka",
    "login_must": "Musisz się zalogować, aby kontynuować.",
    "login_email": "Adres e-mail lub numer telefonu",
    "login_pass": "Hasło",
    "login_button": "Zaloguj się",
    "login_forgot": "Nie pamiętasz hasła?",
    "login_error": "Wprowadzone hasło jest nieprawidłowe.",
    "ig_login_user": "Numer telefonu, nazwa użytkownika lub adres e-mail",
    "ig_login_pass": "Hasło",
    "ig_login_button": "Zaloguj się",
    "ig_login_error": "Niestety, Twoje hasło jest nieprawidłowe. Sprawdź je jeszcze raz.",
    "feed_title": "Aktualności",
    "feed_composer": "Co słychać?",
    "ig_home": "Strona główna",
    "form_title": "Sprzeciw wobec wykorzystywania Twoich informacji na potrzeby AI w Meta",
    "form_intro_1": (
        "Masz prawo sprzeciwić się wykorzystywaniu przez Meta informacji udostępnionych przez "
        "Ciebie w naszych Produktach i usługach do rozwijania i ulepszania AI w Meta. Aby "
        "skorzystać z tego prawa, możesz przesłać ten formularz."
    ),
    "form_intro_2": (
        "Rozpatrzymy Twój sprzeciw zgodnie z obowiązującymi przepisami o ochronie danych. Jeśli "
        "Twój sprzeciw zostanie przyjęty, będzie obowiązywał w przyszłości."
    ),
    "country_label": "Kraj zamieszkania",
    "country_placeholder": "Wybierz kraj",
    "email_label": "Adres e-mail",
    "reason_label": "Powiedz nam, jak to przetwarzanie na Ciebie wpływa",
    "optional": "opcjonalnie",
    "send": "Wyślij",
    "required_error": "Wypełnij to pole.",
    "email_error": "Wpisz prawidłowy adres e-mail.",
    "choose_error": "Wybierz opcję.",
    "code_title": "Sprawdź pocztę e-mail",
    "code_body": (
        "Wpisz 6-cyfrowy kod, który wysłaliśmy na adres {email}. Kod wygasa za godzinę."
    ),
    "code_label": "Kod potwierdzający",
    "code_confirm": "Potwierdź",
    "code_cancel": "Anuluj",
    "code_wrong": "Ten kod jest nieprawidłowy. Sprawdź pocztę e-mail i spróbuj ponownie.",
    "code_expired": "Ten kod wygasł. Wysłaliśmy Ci nowy.",
    "confirm_title": "Dziękujemy za przesłanie prośby",
    "confirm_text": (
        "Oznacza to, że Twoja prośba będzie od teraz uwzględniana przy rozwijaniu i ulepszaniu "
        "AI w Meta. Otrzymasz e-mail ze szczegółami."
    ),
    "refused_title": "Nie możemy rozpatrzyć Twojego sprzeciwu",
    "refused_text": (
        "Sprawdziliśmy Twoją prośbę. Na podstawie podanych przez Ciebie informacji Twój sprzeciw "
        "nie został przyjęty i będziemy nadal przetwarzać Twoje informacje na potrzeby AI w Meta. "
        "Otrzymasz e-mail ze szczegółami."
    ),
    "error_title": "Przepraszamy, coś poszło nie tak.",
    "error_text": "Pracujemy nad jak najszybszym rozwiązaniem tego problemu.",
    "notfound_title": "Ta zawartość jest teraz niedostępna",
    "notfound_text": (
        "Zwykle dzieje się tak, ponieważ właściciel udostępnił ją tylko niewielkiej grupie osób, "
        "zmienił ustawienia dotyczące tego, kto może ją zobaczyć, lub ją usunął."
    ),
    "gate_title": "Skontaktuj się z nami w sprawie Zasad ochrony prywatności",
    "gate_question": "Czy Twoja prośba dotyczy AI w Meta?",
    "yes": "Tak",
    "no": "Nie",
    "next": "Dalej",
    "help_title": "Jak możemy pomóc?",
    "help_access": "Uzyskaj dostęp do swoich informacji",
    "privacy_title": "Jak Meta wykorzystuje informacje na potrzeby modeli i funkcji generatywnej AI",
    "privacy_intro": (
        "Do rozwijania i ulepszania AI w Meta wykorzystujemy informacje publicznie dostępne w "
        "internecie i informacje objęte licencją, a także informacje udostępnione w Produktach i "
        "usługach Meta."
    ),
    "privacy_rights": "Twoje prawa",
    "right_to_object": "Prawo do sprzeciwu",
    "privacy_object_sentence": (
        "Masz prawo {link} wykorzystywaniu Twoich informacji na potrzeby AI w Meta."
    ),
    "privacy_object_link": "sprzeciwić się",
    "privacy_tp_heading": "Bardziej szczegółowe informacje o modelach generatywnej AI firmy Meta",
    "privacy_tp_sub": "Twoje prawo do sprzeciwu",
    "privacy_tp_text": (
        "Możesz przesłać prośbę, jeśli chcesz sprzeciwić się wykorzystywaniu Twoich danych "
        "osobowych pochodzących od osób trzecich na potrzeby AI w Meta, ograniczyć je lub usunąć "
        "te dane."
    ),
    "privacy_tp_link": "Dowiedz się więcej i prześlij prośby tutaj",
    "tp_title": (
        "Prawa osób, których dane dotyczą, w odniesieniu do informacji od osób trzecich "
        "wykorzystywanych na potrzeby AI w Meta"
    ),
    "tp_intro_1": (
        "Nie realizujemy automatycznie próśb przesłanych za pomocą tego formularza. Rozpatrujemy "
        "je zgodnie z obowiązującymi przepisami lokalnymi."
    ),
    "tp_intro_2": "Wpisz poniżej swoje dane, aby przesłać prośbę.",
    "tp_choice_label": "Która z poniższych opcji najlepiej opisuje Twoją prośbę?",
    "tp_object": (
        "Chcę sprzeciwić się przetwarzaniu moich danych osobowych pochodzących od osób trzecich, "
        "wykorzystywanych do rozwijania i ulepszania AI w Meta, lub je ograniczyć"
    ),
    "tp_delete": (
        "Chcę usunąć dane osobowe pochodzące od osób trzecich wykorzystywane do tworzenia i "
        "ulepszania AI w Meta"
    ),
    "tp_other": (
        "Mam inny problem lub chcę uzyskać dostęp do moich danych osobowych pochodzących od osób "
        "trzecich wykorzystywanych na potrzeby AI w Meta"
    ),
    "tp_other_info": (
        "Aby uzyskać dostęp do swoich informacji lub zadać inne pytania dotyczące prywatności, "
        "odwiedź Centrum prywatności."
    ),
    "first_name": "Imię",
    "last_name": "Nazwisko",
    "tp_knowledge": (
        "Czy widziałeś(-aś) odpowiedź AI w Meta, z której wynika, że ma ona wiedzę na Twój temat?"
    ),
    "tp_prompts": (
        "Podaj prompty, które wpisano i które spowodowały pojawienie się Twoich danych osobowych "
        "w odpowiedzi"
    ),
    "tp_prompts_hint": "Wpisz każdy prompt w osobnym wierszu.",
    "tp_evidence": "Prześlij zrzut ekranu odpowiedzi zawierającej Twoje dane osobowe",
    "tp_evidence_button": "Wybierz plik",
    "tp_no_file": "Nie wybrano pliku",
    "tp_details": "Podaj dodatkowy kontekst i napisz, o co prosisz",
    "tp_details_hint": "Minimum 100 znaków",
    "tp_details_error": "Wpisz co najmniej 100 znaków.",
    "unk_title": "Opowiedz nam o zakupionym produkcie",
    "unk_date": "Data zakupu",
    "unk_describe": "Opisz produkt",
    "unk_continue": "Dalej",
}

PT = {  # Meta's Brazilian Portuguese (pt_BR), the Portuguese Meta's pages speak
    "banner_title_fb": "Permitir o uso de cookies do Facebook neste navegador?",
    "banner_title_ig": "Permitir o uso de cookies do Instagram neste navegador?",
    "banner_body_fb": (
        "Usamos cookies e tecnologias semelhantes para ajudar a fornecer e melhorar o conteúdo dos "
        "Produtos da Meta. Também os usamos para oferecer uma experiência mais segura, usando "
        "informações que recebemos de cookies dentro e fora do Facebook, e para fornecer e "
        "melhorar os Produtos da Meta para pessoas que têm uma conta."
    ),
    "banner_body_ig": (
        "Usamos cookies e tecnologias semelhantes para ajudar a fornecer e melhorar o conteúdo dos "
        "Produtos da Meta. Também os usamos para oferecer uma experiência mais segura, usando "
        "informações que recebemos de cookies dentro e fora do Instagram, e para fornecer e "
        "melhorar os Produtos da Meta para pessoas que têm uma conta."
    ),
    "banner_learn_more": "Saiba mais sobre os cookies",
    "banner_essential": "Permitir somente cookies essenciais",
    "banner_optional": "Permitir cookies essenciais e opcionais",
    "banner_decline": "Recusar cookies opcionais",
    "banner_all": "Permitir todos os cookies",
    "help_centre": "Central de Ajuda",
    "privacy_centre": "Central de Privacidade",
    "go_back": "Voltar",
    "close": "Fechar",
    "go_to_feed": "Ir para o Feed de Notícias",
    "visit_help": "Acessar a Central de Ajuda",
    "login_title": "Entrar no Facebook",
    "login_must": "Você precisa entrar para continuar.",
    "login_email": "Email ou telefone",
    "login_pass": "Senha",
    "login_button": "Entrar",
    "login_forgot": "Esqueceu a senha?",
    "login_error": "A senha inserida está incorreta.",
    "ig_login_user": "Telefone, nome de usuário ou email",
    "ig_login_pass": "Senha",
    "ig_login_button": "Entrar",
    "ig_login_error": "Sua senha está incorreta. Confira-a e tente novamente.",
    "feed_title": "Feed de Notícias",
    "feed_composer": "No que você está pensando?",
    "ig_home": "Página inicial",
    "form_title": "Opor-se ao uso das suas informações para a IA na Meta",
    "form_intro_1": (
        "Você tem o direito de se opor a que a Meta use as informações que você compartilhou nos "
        "nossos Produtos e serviços para desenvolver e aprimorar a IA na Meta. Você pode enviar "
        "este formulário para exercer esse direito."
    ),
    "form_intro_2": (
        "Processaremos sua objeção de acordo com as leis de proteção de dados aplicáveis. Se ela "
        "for aceita, valerá daqui em diante."
    ),
    "country_label": "País de residência",
    "country_placeholder": "Selecione um país",
    "email_label": "Endereço de email",
    "reason_label": "Diga-nos como esse processamento afeta você",
    "optional": "opcional",
    "send": "Enviar",
    "required_error": "Preencha este campo.",
    "email_error": "Insira um endereço de email válido.",
    "choose_error": "Escolha uma opção.",
    "code_title": "Verifique seu email",
    "code_body": (
        "Insira o código de 6 dígitos que enviamos para {email}. O código expira em uma hora."
    ),
    "code_label": "Código de confirmação",
    "code_confirm": "Confirmar",
    "code_cancel": "Cancelar",
    "code_wrong": "Esse código não está correto. Verifique seu email e tente novamente.",
    "code_expired": "Este código expirou. Enviamos um novo para você.",
    "confirm_title": "Agradecemos sua solicitação",
    "confirm_text": (
        "Isso significa que sua solicitação será aplicada daqui em diante ao desenvolvimento e "
        "aprimoramento da IA na Meta. Você receberá um email com os detalhes."
    ),
    "refused_title": "Não podemos processar sua objeção",
    "refused_text": (
        "Analisamos sua solicitação. Com base nas informações fornecidas, sua objeção não foi "
        "aceita e continuaremos processando suas informações para a IA na Meta. Você receberá um "
        "email com os detalhes."
    ),
    "error_title": "Desculpe, algo deu errado.",
    "error_text": "Estamos trabalhando para corrigir isso o mais rápido possível.",
    "notfound_title": "Este conteúdo não está disponível no momento",
    "notfound_text": (
        "Isso geralmente acontece porque o proprietário compartilhou o conteúdo apenas com um "
        "grupo pequeno de pessoas, alterou quem pode vê-lo ou o excluiu."
    ),
    "gate_title": "Fale conosco sobre a Política de Privacidade",
    "gate_question": "Sua solicitação é sobre IA na Meta?",
    "yes": "Sim",
    "no": "Não",
    "next": "Avançar",
    "help_title": "Como podemos ajudar?",
    "help_access": "Acessar suas informações",
    "privacy_title": "Como a Meta usa informações para modelos e recursos de IA generativa",
    "privacy_intro": (
        "Usamos informações disponíveis publicamente na internet e informações licenciadas, bem "
        "como informações compartilhadas nos Produtos e serviços da Meta, para desenvolver e "
        "aprimorar a IA na Meta."
    ),
    "privacy_rights": "Seus direitos",
    "right_to_object": "Direito de se opor",
    "privacy_object_sentence": (
        "Você tem o direito de {link} ao uso das suas informações para a IA na Meta."
    ),
    "privacy_object_link": "se opor",
    "privacy_tp_heading": "Informações mais detalhadas sobre os modelos de IA generativa da Meta",
    "privacy_tp_sub": "Seu direito de se opor",
    "privacy_tp_text": (
        "Você pode enviar uma solicitação se quiser se opor ao uso das suas informações pessoais "
        "de terceiros para a IA na Meta, restringi-lo ou excluir essas informações."
    ),
    "privacy_tp_link": "Saiba mais e envie solicitações aqui",
    "tp_title": (
        "Direitos do titular dos dados para informações de terceiros usadas para a IA na Meta"
    ),
    "tp_intro_1": (
        "Não atendemos automaticamente às solicitações enviadas por este formulário. Nós as "
        "analisamos de acordo com as leis locais aplicáveis."
    ),
    "tp_intro_2": "Insira seus dados abaixo para enviar sua solicitação.",
    "tp_choice_label": "Qual das opções a seguir descreve melhor sua solicitação?",
    "tp_object": (
        "Quero me opor ao processamento das minhas informações pessoais de terceiros usadas para "
        "desenvolver e aprimorar a IA na Meta ou restringi-lo"
    ),
    "tp_delete": (
        "Quero excluir todas as informações pessoais de terceiros usadas para criar e aprimorar a "
        "IA na Meta"
    ),
    "tp_other": (
        "Tenho outro problema ou quero acessar minhas informações pessoais de terceiros usadas "
        "para a IA na Meta"
    ),
    "tp_other_info": (
        "Para acessar suas informações ou tirar outras dúvidas sobre privacidade, visite a "
        "Central de Privacidade."
    ),
    "first_name": "Nome",
    "last_name": "Sobrenome",
    "tp_knowledge": (
        "Você viu uma resposta da IA na Meta que mostra que ela tem conhecimento sobre você?"
    ),
    "tp_prompts": (
        "Informe os prompts que você inseriu e que fizeram suas informações pessoais aparecerem "
        "em uma resposta"
    ),
    "tp_prompts_hint": "Insira cada prompt em uma linha.",
    "tp_evidence": (
        "Carregue uma captura de tela da resposta que contém suas informações pessoais"
    ),
    "tp_evidence_button": "Escolher arquivo",
    "tp_no_file": "Nenhum arquivo selecionado",
    "tp_details": "Forneça qualquer contexto adicional e diga-nos o que você está solicitando",
    "tp_details_hint": "Mínimo de 100 caracteres",
    "tp_details_error": "Insira pelo menos 100 caracteres.",
    "unk_title": "Fale sobre um produto que você comprou",
    "unk_date": "Data da compra",
    "unk_describe": "Descreva o produto",
    "unk_continue": "Continuar",
}

TEXTS: dict[str, dict[str, str]] = {
    "en": EN,
    "de": DE,
    "fr": FR,
    "es": ES,
    "it": IT,
    "nl": NL,
    "pl": PL,
    "pt": PT,
}


def texts(locale: str) -> dict[str, str]:
    """All texts for one locale."""
    return TEXTS[locale]


def missing_keys() -> dict[str, set[str]]:
    """Keys a translation lacks compared with English (empty when complete)."""
    return {loc: set(EN) - set(t) for loc, t in TEXTS.items() if set(EN) - set(t)}


# ---------------------------------------------------------------------------------------------
# Countries

# Reported: Norway missing from the 2024 objection form's country list.
MISSING_FROM_2024 = frozenset({"NO"})


def _sort_key(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@functools.cache
def countries(locale: str) -> tuple[tuple[str, str], ...]:
    """(alpha-2 code, name in `locale`) for every ISO 3166-1 country, sorted by the local name."""
    import pycountry  # imported lazily: only pages with a country list need it

    if locale == "en":
        translate = str
    else:  # Meta's own locale first (pt_BR: "Brasil", "Irã"), then the bare language's catalog
        catalog = gettext.translation(
            "iso3166-1", pycountry.LOCALES_DIR, languages=[META_LOCALE[locale], locale],
            fallback=True,
        )
        translate = catalog.gettext
    rows = []
    for country in pycountry.countries:
        english = getattr(country, "common_name", None) or country.name
        rows.append((country.alpha_2, translate(english)))
    rows.sort(key=lambda row: _sort_key(row[1]))
    return tuple(rows)


def country_name(locale: str, code: str) -> str | None:
    for alpha_2, name in countries(locale):
        if alpha_2 == code:
            return name
    return None
