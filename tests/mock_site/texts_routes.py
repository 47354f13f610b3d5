"""Texts of the newer routes: WhatsApp's objection form, the emailed link, Meta's block dialog, a
dialog no tool knows, and cookie dialogs worded as Meta never worded them before.

Kept apart from texts.py (the older pages' texts) so both can grow independently. Every locale
carries every key (a test checks it); `routes_texts` still falls back to English key by key. Over
350 lines because it is data: eight translations of the same ~50 strings.

pt is Brazilian Portuguese. Reported wording is used verbatim where known (pt reason box
"Diga-nos como esse processamento afeta você"; en block dialog with its curly apostrophes); the
rest is plausible Meta/WhatsApp wording. The cookie-dialog buttons are invented on purpose: no list
of known phrasings contains them, so only the dialogs' attributes identify them.
"""

from __future__ import annotations

import collections

from .texts import HTML_LANG, META_LOCALE, TEXTS

ROUTE_LOCALES = ("en", "de", "fr", "es", "it", "nl", "pl", "pt")

# <html lang> and Meta's locale id for locales texts.py may not know yet (pt).
_HTML_LANG_EXTRA = {"pt": "pt-BR"}
_META_LOCALE_EXTRA = {"pt": "pt_BR"}

EN = {
    # WhatsApp: "Your messages with AIs on WhatsApp"
    "wa_help": "Help Center",
    "wa_title": "Your messages with AIs on WhatsApp",
    "wa_intro_1": (
        "You can object to Meta using your messages with AIs on WhatsApp to develop and improve "
        "AI at Meta. Fill in this form to make your objection."
    ),
    "wa_intro_2": (
        "Use the phone number of your WhatsApp account. We'll review your request in line with "
        "applicable data protection laws."
    ),
    "wa_country_label": "Country code",
    "wa_country_placeholder": "Select a country code",
    "wa_phone_label": "Phone number",
    "wa_phone_hint": "Enter your number without the country code.",
    "wa_phone_full_hint": "Enter your full number, starting with + and the country code.",
    "wa_email_label": "Email address",
    "wa_email_hint": (
        "Use any email address you can read now. We'll email you to confirm your request."
    ),
    "wa_reason_label": "How does this processing affect you?",
    "wa_optional": "optional",
    "wa_send": "Send",
    "wa_required_error": "This field is required.",
    "wa_country_error": "Select a country code.",
    "wa_phone_error": "Enter a valid phone number using digits only.",
    "wa_phone_full_error": "Enter your full phone number, starting with + and the country code.",
    "wa_email_error": "Enter a valid email address.",
    "wa_code_heading": "Confirm your email address",
    "wa_code_label": "Enter the 6-digit code we sent to {email}",
    "wa_code_confirm": "Confirm",
    "wa_code_wrong": "The code you entered isn't right. Check your email and try again.",
    "wa_code_expired": "This code has expired. We've sent you a new one.",
    "wa_confirm_title": "Thanks for contacting us",
    "wa_confirm_text": "We've received your request and will review it.",
    "wa_refused_title": "We can't process your request",
    "wa_refused_text": (
        "We've reviewed your request and can't act on it. We'll email you the details."
    ),
    # the emailed link (every form)
    "link_title": "Check your email",
    "link_text": "We've sent a link to {email}. Open it to confirm your request.",
    "link_error_title": "This link isn't valid",
    "link_error_text": (
        "It may have expired or already been used. To send your request again, fill in the form "
        "again."
    ),
    "ok": "OK",
    # Meta's block dialogs
    "block_title": "You’re Temporarily Blocked",
    "block_body": (
        "It looks like you were misusing this feature by going too fast. You’ve been temporarily "
        "blocked from using it."
    ),
    "block_appeal": "If you think this doesn’t go against our Community Standards, {link}.",
    "block_appeal_link": "let us know",
    "cant_use_title": "You can't use this feature right now",
    "cant_use_body": (
        "We limit how often you can post, comment or do other things in a given amount of time "
        "to help protect the community from spam. You can try again later."
    ),
    # a dialog no tool knows
    "surprise_title": "We need a few more details",
    "surprise_text": (
        "We need a few more details before we can process this. Please contact us through the "
        "Help Centre."
    ),
    "surprise_link": "Help Centre",
    # cookie dialogs found by their attributes; {brand} is Facebook or Instagram
    "attr_title": "Choose how {brand} uses cookies on this browser",
    "attr_body": (
        "We use cookies to keep our products working and, if you agree, to improve them and "
        "personalise what you see. You can change your choice at any time in your settings."
    ),
    "attr_essential_fb": "Keep it to the basics",
    "attr_all_fb": "Sounds good, allow them",
    "attr_essential_ig": "Just the necessary ones, thanks",
    "attr_all_ig": "Go ahead with all of them",
}

DE = {
    "wa_help": "Hilfebereich",
    "wa_title": "Deine Nachrichten mit KIs auf WhatsApp",
    "wa_intro_1": (
        "Du kannst der Verwendung deiner Nachrichten mit KIs auf WhatsApp zur Entwicklung und "
        "Verbesserung von KI bei Meta widersprechen. Fülle dieses Formular aus, um Widerspruch "
        "einzulegen."
    ),
    "wa_intro_2": (
        "Verwende die Telefonnummer deines WhatsApp-Kontos. Wir prüfen deine Anfrage gemäß den "
        "geltenden Datenschutzgesetzen."
    ),
    "wa_country_label": "Ländervorwahl",
    "wa_country_placeholder": "Ländervorwahl auswählen",
    "wa_phone_label": "Telefonnummer",
    "wa_phone_hint": "Gib deine Nummer ohne Ländervorwahl ein.",
    "wa_phone_full_hint": (
        "Gib deine vollständige Nummer ein, beginnend mit + und der Ländervorwahl."
    ),
    "wa_email_label": "E-Mail-Adresse",
    "wa_email_hint": (
        "Verwende eine E-Mail-Adresse, auf die du gerade zugreifen kannst. Wir senden dir eine "
        "E-Mail, um deine Anfrage zu bestätigen."
    ),
    "wa_reason_label": "Wie wirkt sich diese Verarbeitung auf dich aus?",
    "wa_optional": "optional",
    "wa_send": "Senden",
    "wa_required_error": "Dieses Feld ist erforderlich.",
    "wa_country_error": "Wähle eine Ländervorwahl aus.",
    "wa_phone_error": "Gib eine gültige Telefonnummer ein (nur Ziffern).",
    "wa_phone_full_error": (
        "Gib deine vollständige Telefonnummer ein, beginnend mit + und der Ländervorwahl."
    ),
    "wa_email_error": "Gib eine gültige E-Mail-Adresse ein.",
    "wa_code_heading": "Bestätige deine E-Mail-Adresse",
    "wa_code_label": "Gib den 6-stelligen Code ein, den wir an {email} gesendet haben",
    "wa_code_confirm": "Bestätigen",
    "wa_code_wrong": (
        "Der eingegebene Code ist nicht korrekt. Überprüfe deine E-Mails und versuche es erneut."
    ),
    "wa_code_expired": "Dieser Code ist abgelaufen. Wir haben dir einen neuen gesendet.",
    "wa_confirm_title": "Danke, dass du uns kontaktiert hast",
    "wa_confirm_text": "Wir haben deine Anfrage erhalten und werden sie prüfen.",
    "wa_refused_title": "Wir können deine Anfrage nicht bearbeiten",
    "wa_refused_text": (
        "Wir haben deine Anfrage geprüft und können ihr nicht nachkommen. Wir senden dir die "
        "Einzelheiten per E-Mail."
    ),
    "link_title": "Überprüfe deine E-Mails",
    "link_text": (
        "Wir haben einen Link an {email} gesendet. Öffne ihn, um deine Anfrage zu bestätigen."
    ),
    "link_error_title": "Dieser Link ist ungültig",
    "link_error_text": (
        "Er ist möglicherweise abgelaufen oder wurde bereits verwendet. Um deine Anfrage erneut "
        "zu senden, fülle das Formular noch einmal aus."
    ),
    "ok": "OK",
    "block_title": "Du wurdest vorübergehend blockiert",
    "block_body": (
        "Es sieht so aus, als hättest du diese Funktion missbraucht, indem du zu schnell "
        "vorgegangen bist. Du wurdest vorübergehend für die Nutzung dieser Funktion blockiert."
    ),
    "block_appeal": (
        "Wenn du der Meinung bist, dass dies nicht gegen unsere Gemeinschaftsstandards verstößt, "
        "{link}."
    ),
    "block_appeal_link": "lass es uns wissen",
    "cant_use_title": "Du kannst diese Funktion momentan nicht nutzen",
    "cant_use_body": (
        "Wir beschränken, wie oft du innerhalb eines bestimmten Zeitraums posten, kommentieren "
        "oder andere Dinge tun kannst, um die Community vor Spam zu schützen. Du kannst es später "
        "erneut versuchen."
    ),
    "surprise_title": "Wir benötigen noch ein paar Angaben",
    "surprise_text": (
        "Wir benötigen noch ein paar Angaben, bevor wir dies bearbeiten können. Bitte kontaktiere "
        "uns über den Hilfebereich."
    ),
    "surprise_link": "Hilfebereich",
    "attr_title": "Entscheide, wie {brand} Cookies in diesem Browser verwendet",
    "attr_body": (
        "Wir verwenden Cookies, damit unsere Produkte funktionieren, und – wenn du zustimmst – "
        "um sie zu verbessern und Inhalte für dich anzupassen. Du kannst deine Auswahl jederzeit "
        "in deinen Einstellungen ändern."
    ),
    "attr_essential_fb": "Nur das Nötigste, bitte",
    "attr_all_fb": "Klingt gut, alle erlauben",
    "attr_essential_ig": "Nur die wirklich nötigen",
    "attr_all_ig": "Gerne, alle einschalten",
}

FR = {
    "wa_help": "Pages d’aide",
    "wa_title": "Vos messages avec des IA sur WhatsApp",
    "wa_intro_1": (
        "Vous pouvez vous opposer à ce que Meta utilise vos messages avec des IA sur WhatsApp "
        "pour développer et améliorer l’IA chez Meta. Remplissez ce formulaire pour faire "
        "opposition."
    ),
    "wa_intro_2": (
        "Utilisez le numéro de téléphone de votre compte WhatsApp. Nous examinerons votre demande "
        "conformément aux lois applicables en matière de protection des données."
    ),
    "wa_country_label": "Indicatif du pays",
    "wa_country_placeholder": "Sélectionnez un indicatif",
    "wa_phone_label": "Numéro de téléphone",
    "wa_phone_hint": "Saisissez votre numéro sans l’indicatif du pays.",
    "wa_phone_full_hint": (
        "Saisissez votre numéro complet, en commençant par + et l’indicatif du pays."
    ),
    "wa_email_label": "Adresse e-mail",
    "wa_email_hint": (
        "Utilisez une adresse e-mail que vous pouvez consulter maintenant. Nous vous enverrons un "
        "e-mail pour confirmer votre demande."
    ),
    "wa_reason_label": "Comment ce traitement vous affecte-t-il ?",
    "wa_optional": "facultatif",
    "wa_send": "Envoyer",
    "wa_required_error": "Ce champ est obligatoire.",
    "wa_country_error": "Sélectionnez un indicatif de pays.",
    "wa_phone_error": "Saisissez un numéro de téléphone valide, uniquement avec des chiffres.",
    "wa_phone_full_error": (
        "Saisissez votre numéro complet, en commençant par + et l’indicatif du pays."
    ),
    "wa_email_error": "Saisissez une adresse e-mail valide.",
    "wa_code_heading": "Confirmez votre adresse e-mail",
    "wa_code_label": "Saisissez le code à 6 chiffres que nous avons envoyé à {email}",
    "wa_code_confirm": "Confirmer",
    "wa_code_wrong": (
        "Le code saisi est incorrect. Consultez vos e-mails et réessayez."
    ),
    "wa_code_expired": "Ce code a expiré. Nous vous en avons envoyé un nouveau.",
    "wa_confirm_title": "Merci de nous avoir contactés",
    "wa_confirm_text": "Nous avons bien reçu votre demande et allons l’examiner.",
    "wa_refused_title": "Nous ne pouvons pas traiter votre demande",
    "wa_refused_text": (
        "Nous avons examiné votre demande et ne pouvons pas y donner suite. Nous vous enverrons "
        "les détails par e-mail."
    ),
    "link_title": "Consultez vos e-mails",
    "link_text": (
        "Nous avons envoyé un lien à {email}. Ouvrez-le pour confirmer votre demande."
    ),
    "link_error_title": "Ce lien n’est pas valide",
    "link_error_text": (
        "Il a peut-être expiré ou a déjà été utilisé. Pour renvoyer votre demande, remplissez à "
        "nouveau le formulaire."
    ),
    "ok": "OK",
    "block_title": "Vous êtes temporairement bloqué(e)",
    "block_body": (
        "Il semble que vous ayez fait un usage abusif de cette fonctionnalité en allant trop "
        "vite. Vous ne pouvez temporairement plus l’utiliser."
    ),
    "block_appeal": (
        "Si vous pensez que cela ne va pas à l’encontre de nos Standards de la communauté, "
        "{link}."
    ),
    "block_appeal_link": "faites-le-nous savoir",
    "cant_use_title": "Vous ne pouvez pas utiliser cette fonctionnalité pour le moment",
    "cant_use_body": (
        "Nous limitons la fréquence à laquelle vous pouvez publier, commenter ou effectuer "
        "d’autres actions dans un laps de temps donné, afin de protéger la communauté contre le "
        "spam. Vous pourrez réessayer plus tard."
    ),
    "surprise_title": "Il nous faut quelques précisions",
    "surprise_text": (
        "Il nous faut quelques précisions avant de pouvoir traiter cette demande. Veuillez nous "
        "contacter via les Pages d’aide."
    ),
    "surprise_link": "Pages d’aide",
    "attr_title": "Choisissez comment {brand} utilise les cookies sur ce navigateur",
    "attr_body": (
        "Nous utilisons des cookies pour faire fonctionner nos produits et, si vous l’acceptez, "
        "pour les améliorer et personnaliser ce que vous voyez. Vous pouvez modifier votre choix "
        "à tout moment dans vos paramètres."
    ),
    "attr_essential_fb": "Restons-en à l’essentiel",
    "attr_all_fb": "D’accord, autorisez-les",
    "attr_essential_ig": "Seulement le strict nécessaire",
    "attr_all_ig": "Allez-y, activez-les tous",
}

ES = {
    "wa_help": "Servicio de ayuda",
    "wa_title": "Tus mensajes con IA en WhatsApp",
    "wa_intro_1": (
        "Puedes oponerte a que Meta use tus mensajes con IA en WhatsApp para desarrollar y "
        "mejorar la IA en Meta. Rellena este formulario para presentar tu oposición."
    ),
    "wa_intro_2": (
        "Usa el número de teléfono de tu cuenta de WhatsApp. Revisaremos tu solicitud de acuerdo "
        "con las leyes de protección de datos aplicables."
    ),
    "wa_country_label": "Prefijo del país",
    "wa_country_placeholder": "Selecciona un prefijo",
    "wa_phone_label": "Número de teléfono",
    "wa_phone_hint": "Introduce tu número sin el prefijo del país.",
    "wa_phone_full_hint": "Introduce tu número completo, empezando por + y el prefijo del país.",
    "wa_email_label": "Correo electrónico",
    "wa_email_hint": (
        "Usa cualquier correo electrónico que puedas consultar ahora. Te enviaremos un correo "
        "para confirmar tu solicitud."
    ),
    "wa_reason_label": "¿Cómo te afecta este tratamiento?",
    "wa_optional": "opcional",
    "wa_send": "Enviar",
    "wa_required_error": "Este campo es obligatorio.",
    "wa_country_error": "Selecciona un prefijo de país.",
    "wa_phone_error": "Introduce un número de teléfono válido, solo con dígitos.",
    "wa_phone_full_error": (
        "Introduce tu número de teléfono completo, empezando por + y el prefijo del país."
    ),
    "wa_email_error": "Introduce un correo electrónico válido.",
    "wa_code_heading": "Confirma tu correo electrónico",
    "wa_code_label": "Introduce el código de 6 dígitos que enviamos a {email}",
    "wa_code_confirm": "Confirmar",
    "wa_code_wrong": "El código no es correcto. Revisa tu correo e inténtalo de nuevo.",
    "wa_code_expired": "Este código ha caducado. Te hemos enviado uno nuevo.",
    "wa_confirm_title": "Gracias por ponerte en contacto con nosotros",
    "wa_confirm_text": "Hemos recibido tu solicitud y la revisaremos.",
    "wa_refused_title": "No podemos tramitar tu solicitud",
    "wa_refused_text": (
        "Hemos revisado tu solicitud y no podemos atenderla. Te enviaremos los detalles por "
        "correo electrónico."
    ),
    "link_title": "Revisa tu correo electrónico",
    "link_text": "Hemos enviado un enlace a {email}. Ábrelo para confirmar tu solicitud.",
    "link_error_title": "Este enlace no es válido",
    "link_error_text": (
        "Puede que haya caducado o que ya se haya usado. Para volver a enviar tu solicitud, "
        "rellena el formulario de nuevo."
    ),
    "ok": "Aceptar",
    "block_title": "Se te ha bloqueado temporalmente",
    "block_body": (
        "Parece que has hecho un uso indebido de esta función al ir demasiado rápido. Se te ha "
        "bloqueado temporalmente para que no puedas usarla."
    ),
    "block_appeal": "Si crees que esto no infringe nuestras Normas comunitarias, {link}.",
    "block_appeal_link": "avísanos",
    "cant_use_title": "No puedes usar esta función en este momento",
    "cant_use_body": (
        "Limitamos la frecuencia con la que puedes publicar, comentar o hacer otras cosas en un "
        "periodo de tiempo determinado para proteger a la comunidad del spam. Puedes volver a "
        "intentarlo más tarde."
    ),
    "surprise_title": "Necesitamos algunos datos más",
    "surprise_text": (
        "Necesitamos algunos datos más antes de poder tramitar esto. Ponte en contacto con "
        "nosotros a través del servicio de ayuda."
    ),
    "surprise_link": "Servicio de ayuda",
    "attr_title": "Elige cómo usa {brand} las cookies en este navegador",
    "attr_body": (
        "Usamos cookies para que nuestros productos funcionen y, si lo aceptas, para mejorarlos "
        "y personalizar lo que ves. Puedes cambiar tu elección en cualquier momento en la "
        "configuración."
    ),
    "attr_essential_fb": "Quedarme con lo básico",
    "attr_all_fb": "Me parece bien, permitirlas",
    "attr_essential_ig": "Solo las imprescindibles, gracias",
    "attr_all_ig": "Adelante, actívalas todas",
}

IT = {
    "wa_help": "Centro assistenza",
    "wa_title": "I tuoi messaggi con le IA su WhatsApp",
    "wa_intro_1": (
        "Puoi opporti all'uso dei tuoi messaggi con le IA su WhatsApp da parte di Meta per "
        "sviluppare e migliorare l'IA in Meta. Compila questo modulo per presentare la tua "
        "opposizione."
    ),
    "wa_intro_2": (
        "Usa il numero di telefono del tuo account WhatsApp. Esamineremo la tua richiesta in "
        "conformità con le leggi sulla protezione dei dati applicabili."
    ),
    "wa_country_label": "Prefisso del Paese",
    "wa_country_placeholder": "Seleziona un prefisso",
    "wa_phone_label": "Numero di telefono",
    "wa_phone_hint": "Inserisci il tuo numero senza il prefisso del Paese.",
    "wa_phone_full_hint": (
        "Inserisci il numero completo, iniziando con + e il prefisso del Paese."
    ),
    "wa_email_label": "Indirizzo e-mail",
    "wa_email_hint": (
        "Usa un indirizzo e-mail che puoi consultare ora. Ti invieremo un'e-mail per confermare "
        "la tua richiesta."
    ),
    "wa_reason_label": "In che modo questo trattamento ti riguarda?",
    "wa_optional": "facoltativo",
    "wa_send": "Invia",
    "wa_required_error": "Questo campo è obbligatorio.",
    "wa_country_error": "Seleziona un prefisso del Paese.",
    "wa_phone_error": "Inserisci un numero di telefono valido, usando solo cifre.",
    "wa_phone_full_error": (
        "Inserisci il numero di telefono completo, iniziando con + e il prefisso del Paese."
    ),
    "wa_email_error": "Inserisci un indirizzo e-mail valido.",
    "wa_code_heading": "Conferma il tuo indirizzo e-mail",
    "wa_code_label": "Inserisci il codice di 6 cifre che abbiamo inviato a {email}",
    "wa_code_confirm": "Conferma",
    "wa_code_wrong": "Il codice inserito non è corretto. Controlla la tua e-mail e riprova.",
    "wa_code_expired": "Questo codice è scaduto. Te ne abbiamo inviato uno nuovo.",
    "wa_confirm_title": "Grazie per averci contattato",
    "wa_confirm_text": "Abbiamo ricevuto la tua richiesta e la esamineremo.",
    "wa_refused_title": "Non possiamo elaborare la tua richiesta",
    "wa_refused_text": (
        "Abbiamo esaminato la tua richiesta e non possiamo darle seguito. Ti invieremo i "
        "dettagli via e-mail."
    ),
    "link_title": "Controlla la tua e-mail",
    "link_text": (
        "Abbiamo inviato un link a {email}. Aprilo per confermare la tua richiesta."
    ),
    "link_error_title": "Questo link non è valido",
    "link_error_text": (
        "Potrebbe essere scaduto o essere già stato usato. Per inviare di nuovo la tua "
        "richiesta, compila di nuovo il modulo."
    ),
    "ok": "OK",
    "block_title": "Sei stato temporaneamente bloccato",
    "block_body": (
        "Sembra che tu abbia fatto un uso improprio di questa funzione andando troppo veloce. "
        "Ti è stato temporaneamente impedito di usarla."
    ),
    "block_appeal": (
        "Se pensi che ciò non violi i nostri Standard della community, {link}."
    ),
    "block_appeal_link": "faccelo sapere",
    "cant_use_title": "Al momento non puoi usare questa funzione",
    "cant_use_body": (
        "Limitiamo la frequenza con cui puoi pubblicare, commentare o fare altre cose in un "
        "determinato periodo di tempo per proteggere la community dallo spam. Puoi riprovare più "
        "tardi."
    ),
    "surprise_title": "Abbiamo bisogno di qualche dettaglio in più",
    "surprise_text": (
        "Abbiamo bisogno di qualche dettaglio in più prima di poter elaborare questa richiesta. "
        "Contattaci tramite il Centro assistenza."
    ),
    "surprise_link": "Centro assistenza",
    "attr_title": "Scegli come {brand} usa i cookie su questo browser",
    "attr_body": (
        "Usiamo i cookie per far funzionare i nostri prodotti e, se sei d'accordo, per "
        "migliorarli e personalizzare ciò che vedi. Puoi modificare la tua scelta in qualsiasi "
        "momento nelle impostazioni."
    ),
    "attr_essential_fb": "Limitati all'essenziale",
    "attr_all_fb": "Va bene, consentili",
    "attr_essential_ig": "Solo quelli indispensabili, grazie",
    "attr_all_ig": "Vai pure, attivali tutti",
}

NL = {
    "wa_help": "Helpcentrum",
    "wa_title": "Je berichten met AI's op WhatsApp",
    "wa_intro_1": (
        "Je kunt bezwaar maken tegen het gebruik door Meta van je berichten met AI's op WhatsApp "
        "om AI bij Meta te ontwikkelen en te verbeteren. Vul dit formulier in om bezwaar te "
        "maken."
    ),
    "wa_intro_2": (
        "Gebruik het telefoonnummer van je WhatsApp-account. We beoordelen je verzoek in "
        "overeenstemming met de toepasselijke wetgeving inzake gegevensbescherming."
    ),
    "wa_country_label": "Landcode",
    "wa_country_placeholder": "Selecteer een landcode",
    "wa_phone_label": "Telefoonnummer",
    "wa_phone_hint": "Voer je nummer in zonder de landcode.",
    "wa_phone_full_hint": "Voer je volledige nummer in, beginnend met + en de landcode.",
    "wa_email_label": "E-mailadres",
    "wa_email_hint": (
        "Gebruik een e-mailadres dat je nu kunt lezen. We sturen je een e-mail om je verzoek te "
        "bevestigen."
    ),
    "wa_reason_label": "Welke invloed heeft deze verwerking op jou?",
    "wa_optional": "optioneel",
    "wa_send": "Verzenden",
    "wa_required_error": "Dit veld is verplicht.",
    "wa_country_error": "Selecteer een landcode.",
    "wa_phone_error": "Voer een geldig telefoonnummer in, alleen met cijfers.",
    "wa_phone_full_error": (
        "Voer je volledige telefoonnummer in, beginnend met + en de landcode."
    ),
    "wa_email_error": "Voer een geldig e-mailadres in.",
    "wa_code_heading": "Bevestig je e-mailadres",
    "wa_code_label": "Voer de 6-cijferige code in die we naar {email} hebben gestuurd",
    "wa_code_confirm": "Bevestigen",
    "wa_code_wrong": "De code die je hebt ingevoerd klopt niet. Controleer je e-mail en probeer het opnieuw.",
    "wa_code_expired": "Deze code is verlopen. We hebben je een nieuwe gestuurd.",
    "wa_confirm_title": "Bedankt voor je bericht",
    "wa_confirm_text": "We hebben je verzoek ontvangen en gaan het beoordelen.",
    "wa_refused_title": "We kunnen je verzoek niet verwerken",
    "wa_refused_text": (
        "We hebben je verzoek beoordeeld en kunnen er niets mee doen. We sturen je de details "
        "per e-mail."
    ),
    "link_title": "Controleer je e-mail",
    "link_text": (
        "We hebben een link naar {email} gestuurd. Open de link om je verzoek te bevestigen."
    ),
    "link_error_title": "Deze link is niet geldig",
    "link_error_text": (
        "De link is mogelijk verlopen of al gebruikt. Vul het formulier opnieuw in om je verzoek "
        "nog een keer te verzenden."
    ),
    "ok": "OK",
    "block_title": "Je bent tijdelijk geblokkeerd",
    "block_body": (
        "Het lijkt erop dat je deze functie hebt misbruikt door te snel te gaan. Je bent tijdelijk "
        "geblokkeerd voor het gebruik van deze functie."
    ),
    "block_appeal": (
        "Als je denkt dat dit niet in strijd is met onze Communitynormen, {link}."
    ),
    "block_appeal_link": "laat het ons weten",
    "cant_use_title": "Je kunt deze functie momenteel niet gebruiken",
    "cant_use_body": (
        "We beperken hoe vaak je binnen een bepaalde tijd iets kunt plaatsen, reageren of andere "
        "dingen kunt doen, om de community tegen spam te beschermen. Je kunt het later opnieuw "
        "proberen."
    ),
    "surprise_title": "We hebben nog wat gegevens nodig",
    "surprise_text": (
        "We hebben nog wat gegevens nodig voordat we dit kunnen verwerken. Neem contact met ons op "
        "via het Helpcentrum."
    ),
    "surprise_link": "Helpcentrum",
    "attr_title": "Kies hoe {brand} cookies gebruikt in deze browser",
    "attr_body": (
        "We gebruiken cookies om onze producten te laten werken en, als je akkoord gaat, om ze te "
        "verbeteren en af te stemmen op wat je ziet. Je kunt je keuze altijd wijzigen in je "
        "instellingen."
    ),
    "attr_essential_fb": "Houd het bij de basis",
    "attr_all_fb": "Klinkt goed, sta ze toe",
    "attr_essential_ig": "Alleen wat nodig is, bedankt",
    "attr_all_ig": "Ga je gang, zet ze allemaal aan",
}

PL = {
    "wa_help": "Centrum pomocy",
    "wa_title": "Twoje wiadomości z AI w WhatsApp",
    "wa_intro_1": (
        "Możesz sprzeciwić się wykorzystywaniu przez Meta Twoich wiadomości z AI w WhatsApp do "
        "rozwijania i ulepszania AI w Meta. Wypełnij ten formularz, aby zgłosić sprzeciw."
    ),
    "wa_intro_2": (
        "Użyj numeru telefonu swojego konta WhatsApp. Rozpatrzymy Twoje zgłoszenie zgodnie z "
        "obowiązującymi przepisami o ochronie danych."
    ),
    "wa_country_label": "Numer kierunkowy kraju",
    "wa_country_placeholder": "Wybierz numer kierunkowy",
    "wa_phone_label": "Numer telefonu",
    "wa_phone_hint": "Wpisz numer bez numeru kierunkowego kraju.",
    "wa_phone_full_hint": "Wpisz pełny numer, zaczynając od + i numeru kierunkowego kraju.",
    "wa_email_label": "Adres e-mail",
    "wa_email_hint": (
        "Użyj dowolnego adresu e-mail, który możesz teraz sprawdzić. Wyślemy e-mail, aby "
        "potwierdzić Twoje zgłoszenie."
    ),
    "wa_reason_label": "Jak to przetwarzanie na Ciebie wpływa?",
    "wa_optional": "opcjonalnie",
    "wa_send": "Wyślij",
    "wa_required_error": "To pole jest wymagane.",
    "wa_country_error": "Wybierz numer kierunkowy kraju.",
    "wa_phone_error": "Wpisz prawidłowy numer telefonu, używając tylko cyfr.",
    "wa_phone_full_error": (
        "Wpisz pełny numer telefonu, zaczynając od + i numeru kierunkowego kraju."
    ),
    "wa_email_error": "Wpisz prawidłowy adres e-mail.",
    "wa_code_heading": "Potwierdź swój adres e-mail",
    "wa_code_label": "Wpisz 6-cyfrowy kod, który wysłaliśmy na adres {email}",
    "wa_code_confirm": "Potwierdź",
    "wa_code_wrong": "Wpisany kod jest nieprawidłowy. Sprawdź pocztę e-mail i spróbuj ponownie.",
    "wa_code_expired": "Ten kod wygasł. Wysłaliśmy Ci nowy.",
    "wa_confirm_title": "Dziękujemy za kontakt",
    "wa_confirm_text": "Otrzymaliśmy Twoje zgłoszenie i je rozpatrzymy.",
    "wa_refused_title": "Nie możemy przetworzyć Twojego zgłoszenia",
    "wa_refused_text": (
        "Rozpatrzyliśmy Twoje zgłoszenie i nie możemy go zrealizować. Szczegóły wyślemy e-mailem."
    ),
    "link_title": "Sprawdź pocztę e-mail",
    "link_text": (
        "Wysłaliśmy link na adres {email}. Otwórz go, aby potwierdzić swoje zgłoszenie."
    ),
    "link_error_title": "Ten link jest nieprawidłowy",
    "link_error_text": (
        "Mógł wygasnąć lub został już użyty. Aby ponownie wysłać zgłoszenie, wypełnij formularz "
        "jeszcze raz."
    ),
    "ok": "OK",
    "block_title": "Zostałeś(-aś) tymczasowo zablokowany(-a)",
    "block_body": (
        "Wygląda na to, że nadużywasz tej funkcji, działając zbyt szybko. Możliwość korzystania "
        "z niej została dla Ciebie tymczasowo zablokowana."
    ),
    "block_appeal": (
        "Jeśli uważasz, że nie narusza to naszych Standardów społeczności, {link}."
    ),
    "block_appeal_link": "daj nam znać",
    "cant_use_title": "Nie możesz teraz korzystać z tej funkcji",
    "cant_use_body": (
        "Ograniczamy, jak często możesz publikować, komentować lub wykonywać inne czynności w "
        "określonym czasie, aby chronić społeczność przed spamem. Możesz spróbować ponownie "
        "później."
    ),
    "surprise_title": "Potrzebujemy jeszcze kilku informacji",
    "surprise_text": (
        "Potrzebujemy jeszcze kilku informacji, zanim będziemy mogli to przetworzyć. Skontaktuj "
        "się z nami za pośrednictwem Centrum pomocy."
    ),
    "surprise_link": "Centrum pomocy",
    "attr_title": "Wybierz, jak {brand} używa plików cookie w tej przeglądarce",
    "attr_body": (
        "Używamy plików cookie, aby nasze produkty działały, a jeśli się zgodzisz – także aby je "
        "ulepszać i dopasowywać to, co widzisz. Swój wybór możesz zmienić w dowolnej chwili w "
        "ustawieniach."
    ),
    "attr_essential_fb": "Tylko to, co podstawowe",
    "attr_all_fb": "Brzmi dobrze, zezwól na nie",
    "attr_essential_ig": "Tylko te niezbędne, dziękuję",
    "attr_all_ig": "Śmiało, włącz wszystkie",
}

PT = {
    "wa_help": "Central de Ajuda",
    "wa_title": "Suas mensagens com IAs no WhatsApp",
    "wa_intro_1": (
        "Você pode se opor ao uso das suas mensagens com IAs no WhatsApp pela Meta para "
        "desenvolver e aprimorar a IA na Meta. Preencha este formulário para registrar sua "
        "oposição."
    ),
    "wa_intro_2": (
        "Use o número de telefone da sua conta do WhatsApp. Analisaremos sua solicitação de "
        "acordo com as leis de proteção de dados aplicáveis."
    ),
    "wa_country_label": "Código do país",
    "wa_country_placeholder": "Selecione o código do país",
    "wa_phone_label": "Número de telefone",
    "wa_phone_hint": "Digite seu número sem o código do país.",
    "wa_phone_full_hint": "Digite seu número completo, começando com + e o código do país.",
    "wa_email_label": "Endereço de email",
    "wa_email_hint": (
        "Use qualquer email que você consiga acessar agora. Enviaremos um email para confirmar "
        "sua solicitação."
    ),
    "wa_reason_label": "Diga-nos como esse processamento afeta você",
    "wa_optional": "opcional",
    "wa_send": "Enviar",
    "wa_required_error": "Este campo é obrigatório.",
    "wa_country_error": "Selecione o código do país.",
    "wa_phone_error": "Digite um número de telefone válido, usando apenas números.",
    "wa_phone_full_error": (
        "Digite seu número de telefone completo, começando com + e o código do país."
    ),
    "wa_email_error": "Digite um endereço de email válido.",
    "wa_code_heading": "Confirme seu endereço de email",
    "wa_code_label": "Insira o código de 6 dígitos que enviamos para {email}",
    "wa_code_confirm": "Confirmar",
    "wa_code_wrong": "O código inserido não está correto. Verifique seu email e tente novamente.",
    "wa_code_expired": "Este código expirou. Enviamos um novo para você.",
    "wa_confirm_title": "Agradecemos seu contato",
    "wa_confirm_text": "Recebemos sua solicitação e vamos analisá-la.",
    "wa_refused_title": "Não podemos processar sua solicitação",
    "wa_refused_text": (
        "Analisamos sua solicitação e não podemos atendê-la. Enviaremos os detalhes por email."
    ),
    "link_title": "Verifique seu email",
    "link_text": (
        "Enviamos um link para {email}. Abra-o para confirmar sua solicitação."
    ),
    "link_error_title": "Este link não é válido",
    "link_error_text": (
        "Ele pode ter expirado ou já ter sido usado. Para enviar sua solicitação de novo, "
        "preencha o formulário novamente."
    ),
    "ok": "OK",
    "block_title": "Você está temporariamente bloqueado",
    "block_body": (
        "Parece que você estava usando este recurso de forma indevida, indo rápido demais. Você "
        "foi bloqueado temporariamente e não pode usá-lo."
    ),
    "block_appeal": (
        "Se você acha que isso não vai contra nossos Padrões da Comunidade, {link}."
    ),
    "block_appeal_link": "informe-nos",
    "cant_use_title": "Você não pode usar este recurso no momento",
    "cant_use_body": (
        "Limitamos a frequência com que você pode publicar, comentar ou fazer outras coisas em um "
        "determinado período para ajudar a proteger a comunidade contra spam. Tente novamente "
        "mais tarde."
    ),
    "surprise_title": "Precisamos de mais alguns detalhes",
    "surprise_text": (
        "Precisamos de mais alguns detalhes antes de processar isso. Entre em contato conosco "
        "pela Central de Ajuda."
    ),
    "surprise_link": "Central de Ajuda",
    "attr_title": "Escolha como o {brand} usa cookies neste navegador",
    "attr_body": (
        "Usamos cookies para manter nossos produtos funcionando e, se você concordar, para "
        "melhorá-los e personalizar o que você vê. Você pode mudar sua escolha a qualquer momento "
        "nas configurações."
    ),
    "attr_essential_fb": "Fique só com o básico",
    "attr_all_fb": "Parece bom, pode permitir",
    "attr_essential_ig": "Só os necessários, obrigado",
    "attr_all_ig": "Pode ativar todos",
}

ROUTE_TEXTS: dict[str, dict[str, str]] = {
    "en": EN,
    "de": DE,
    "fr": FR,
    "es": ES,
    "it": IT,
    "nl": NL,
    "pl": PL,
    "pt": PT,
}


def routes_texts(locale: str) -> collections.ChainMap:
    """The newer routes' texts in `locale`, key by key falling back to English."""
    return collections.ChainMap(ROUTE_TEXTS.get(locale, {}), EN)


def missing_route_keys() -> dict[str, set[str]]:
    """Keys a translation lacks compared with English (empty when complete)."""
    return {loc: set(EN) - set(t) for loc, t in ROUTE_TEXTS.items() if set(EN) - set(t)}


def base_texts(locale: str) -> dict[str, str]:
    """texts.py's texts (page chrome, not-found and error pages) in `locale`, else English."""
    return TEXTS.get(locale) or TEXTS["en"]


def html_lang(locale: str) -> str:
    return HTML_LANG.get(locale) or _HTML_LANG_EXTRA.get(locale) or locale


def meta_locale(locale: str) -> str:
    return META_LOCALE.get(locale) or _META_LOCALE_EXTRA.get(locale) or "en_GB"


def straight_apostrophes(text: str) -> str:
    """The block dialog as some builds write it: typographic apostrophes made straight."""
    return text.replace("’", "'")
