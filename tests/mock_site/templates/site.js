/* Page script of the replica: cookie banner, Meta-style custom widgets, the email-code dialog (or
   WhatsApp's code field below the form), the emailed-link notice, the block dialog, the dialog no
   tool knows, and (only when the variant says so) the simulated person who logs in, types the
   code or opens the emailed link.
   Configuration comes from the JSON block <script type="application/json" data-sjs>. */
(function () {
  "use strict";
  var CFG = JSON.parse(document.querySelector("script[data-sjs]").textContent);
  var C = CFG.cls;
  var T = CFG.t;

  function sel(name) { return "." + C[name].split(" ")[0]; }
  var seq = 0;
  function rid() { seq += 1; return ":r" + seq.toString(36) + ":"; }

  function h(tag, attrs, children) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) {
      var value = attrs[key];
      if (value === null || value === undefined || value === false) return;
      if (key === "cls") el.className = value.split(" ").map(function (n) { return C[n]; }).join(" ");
      else if (key === "text") el.textContent = value;
      else el.setAttribute(key, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      el.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return el;
  }

  // A native <button> already turns Enter/Space into click; a div role="button" needs help.
  function activate(el, fn) {
    el.addEventListener("click", function (ev) {
      if (el.getAttribute("aria-disabled") === "true") return;
      fn(ev);
    });
    if (el.tagName !== "BUTTON") {
      el.addEventListener("keydown", function (ev) {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); el.click(); }
      });
    }
  }

  function roleButton(label, style, fn) {
    var button = h("div", { role: "button", tabindex: "0", "aria-label": label, cls: style },
      [h("div", { cls: "combo_text" }, [h("span", { text: label })])]);
    activate(button, fn);
    return button;
  }

  function post(url, body) {
    var headers = { "X-Requested-With": "XMLHttpRequest" };
    if (typeof body === "string") headers["Content-Type"] = "application/json";
    return fetch(url, { method: "POST", credentials: "same-origin", headers: headers, body: body })
      .then(function (response) {
        return response.json().then(
          function (json) { return { status: response.status, body: json }; },
          function () { return { status: response.status, body: {} }; });
      });
  }

  // ---------------------------------------------------------------- cookie banner

  var consented = !CFG.banner;
  var consentWaiters = [];
  function whenConsented(fn) { if (consented) fn(); else consentWaiters.push(fn); }

  function setupBanner() {
    var layer = CFG.banner && document.querySelector(sel("cookie_layer"));
    if (!layer) { consented = true; return; }
    var buttons = layer.querySelectorAll("button, [role=button]");
    var busy = false;
    CFG.banner.choices.forEach(function (choice, index) {
      activate(buttons[index], function () {
        if (busy) return;
        busy = true;
        post("/cookie/consent/", JSON.stringify({ choice: choice, platform: CFG.banner.platform }))
          .then(function () {
            layer.remove();  // only once the answer is stored
            consented = true;
            consentWaiters.splice(0).forEach(function (fn) { fn(); });
          }, function () { busy = false; });
      });
    });
  }

  // ---------------------------------------------------------------- the simulated person

  function person(fn) {
    if (!CFG.person) return;
    whenConsented(function () {
      if (!CFG.person.cue) { setTimeout(fn, CFG.person.delay); return; }
      (function waitForCue() {  // the test cues the person (person_waits_for_cue)
        post("/__mock__/person-cue", "{}").then(function (r) {
          if (r.body.go) setTimeout(fn, CFG.person.delay); else setTimeout(waitForCue, 50);
        }, function () { setTimeout(waitForCue, 50); });
      })();
    });
  }

  function typeInto(el, text, done) {
    el.focus();
    el.value = "";
    el.dispatchEvent(new Event("input", { bubbles: true }));
    var i = 0;
    (function step() {
      if (!el.isConnected) return;
      if (i >= text.length) {
        el.dispatchEvent(new Event("change", { bubbles: true }));
        if (done) done();
        return;
      }
      el.value += text.charAt(i);
      i += 1;
      el.dispatchEvent(new Event("input", { bubbles: true }));
      setTimeout(step, 4);
    })();
  }

  // ---------------------------------------------------------------- login pages

  function setupLogin() {
    var form = document.querySelector("form");
    var user = form.querySelector("input[name=email], input[name=username]");
    var pass = form.querySelector("input[name=pass], input[name=password]");
    var submit = form.querySelector("button[type=submit]");
    if (CFG.platform === "instagram") {  // Instagram keeps "Log in" disabled until both are typed
      var sync = function () { submit.disabled = !(user.value && pass.value); };
      user.addEventListener("input", sync);
      pass.addEventListener("input", sync);
      sync();
    }
    person(function () {
      typeInto(user, CFG.person.user, function () {
        typeInto(pass, CFG.person.password, function () { submit.click(); });
      });
    });
  }

  // ---------------------------------------------------------------- dialogs (custom pages)

  function layerWith(children, extraClass) {
    var layer = h("div", { cls: "layer" + (extraClass ? " " + extraClass : "") },
      [h("div", { cls: "backdrop" })].concat(children));
    document.body.appendChild(layer);
    return layer;
  }

  // A modal: heading, paragraphs (text or nodes), and one button that closes it (none: it stays).
  function noticeDialog(title, paragraphs, buttonLabel, extraClass) {
    var titleId = rid();
    var layer;
    var actions = buttonLabel
      ? h("div", { cls: "actions" }, [roleButton(buttonLabel, "button_primary", function () { layer.remove(); })])
      : null;
    layer = layerWith([h("div", { role: "dialog", "aria-modal": "true", "aria-labelledby": titleId, cls: "dialog" }, [
      h("span", { role: "heading", "aria-level": "2", id: titleId, cls: "dialog_title", text: title }),
      h("div", { cls: "dialog_body" }, paragraphs.map(function (p) {
        return h("p", {}, Array.isArray(p) ? p : [p]);
      })),
      actions
    ])], extraClass);
    return layer;
  }

  function messageDialog(title, text, extraClass) {
    return noticeDialog(title, [text], T.close, extraClass);
  }

  function blockDialog() {
    var B = CFG.block;
    if (!B) return;
    noticeDialog(B.title, [B.body, [B.appeal[0], h("a", { href: B.href, cls: "link", text: B.appeal[1] }), B.appeal[2]]],
      B.ok, "block_layer");
  }

  function surpriseDialog() {
    noticeDialog(T.surprise_title, [T.surprise_text, [h("a", { href: "/help/", cls: "link", text: T.surprise_link })]],
      null, "surprise_layer");
  }

  function openLinkLater(state) {
    if (state.person_link) person(function () { location.href = state.person_link; });
  }

  function linkDialog(state) {
    noticeDialog(T.link_title, [T.link_text.replace("{email}", state.email)], T.ok, "link_layer");
    openLinkLater(state);
  }

  function codeBody(F, code) {
    return JSON.stringify(Object.assign({ support_form_id: F.form_id, code: code }, F.params || {}));
  }

  function codeDialog(F, state) {
    var titleId = rid();
    var busy = false;
    var input = h("input", { type: "text", inputmode: "numeric", autocomplete: "one-time-code",
      maxlength: "6", "aria-label": T.code_label, cls: "control" });
    var error = h("div", { role: "alert", cls: "error" });
    var layer;
    var confirm = roleButton(T.code_confirm, "button_primary", submit);
    var cancel = roleButton(T.code_cancel, "button_secondary", function () { layer.remove(); });
    layer = layerWith([h("div", { role: "dialog", "aria-modal": "true", "aria-labelledby": titleId, cls: "dialog" }, [
      h("span", { role: "heading", "aria-level": "2", id: titleId, cls: "dialog_title", text: T.code_title }),
      h("div", { cls: "dialog_body" }, [
        h("p", { text: T.code_body.replace("{email}", state.email) }),
        h("div", { cls: "field" }, [input]),
        error
      ]),
      h("div", { cls: "actions" }, [cancel, confirm])
    ])], "code_layer");
    input.focus();

    function show(s) {
      var message = s.error === "wrong" ? T.code_wrong : s.error === "expired" ? T.code_expired : "";
      error.textContent = message;
      error.hidden = !message;
      if (s.person_code) {
        person(function () { typeInto(input, s.person_code, function () { confirm.click(); }); });
      }
    }

    function submit() {
      if (busy) return;
      busy = true;
      confirm.setAttribute("aria-disabled", "true");
      post(F.code_url, codeBody(F, input.value))
        .then(function (res) {
          busy = false;
          confirm.removeAttribute("aria-disabled");
          var b = res.body || {};
          if (res.status >= 500) { layer.remove(); messageDialog(T.error_title, T.error_text); return; }
          if (b.redirect) { location.assign(b.redirect); return; }
          if (b.dialog === "confirmation") {
            layer.remove();
            messageDialog(T.confirm_title, T.confirm_text, "confirm_layer");
            return;
          }
          input.value = "";
          show(b);
        }, function () {
          busy = false;
          confirm.removeAttribute("aria-disabled");
        });
    }

    show(state);
  }

  // WhatsApp: the code field (or the link notice) appears below the sent form.
  function inlineStep(F, state, root) {
    var section;
    if (state.via === "link") {
      section = h("div", { role: "status", cls: "code_section" }, [
        h("span", { role: "heading", "aria-level": "3", cls: "subtitle", text: T.link_title }),
        h("p", { text: T.link_text.replace("{email}", state.email) })
      ]);
      root.appendChild(section);
      openLinkLater(state);
      return;
    }
    var labelId = rid();
    var busy = false;
    var input = h("input", { type: "text", inputmode: "numeric", autocomplete: "one-time-code", maxlength: "6",
      "aria-labelledby": labelId, "aria-required": "true", cls: "control" });
    var error = h("div", { role: "alert", cls: "error" });
    var confirm = roleButton(T.wa_code_confirm, "button_primary", submit);
    section = h("div", { cls: "code_section" }, [
      h("span", { role: "heading", "aria-level": "3", cls: "subtitle", text: T.wa_code_heading }),
      h("div", { cls: "field" }, [
        h("div", { cls: "label_row" }, [h("span", { id: labelId, cls: "label",
          text: T.wa_code_label.replace("{email}", state.email) })]),
        input, error
      ]),
      h("div", { cls: "actions" }, [confirm])
    ]);
    root.appendChild(section);
    input.focus();

    function show(s) {
      var message = s.error === "wrong" ? T.wa_code_wrong : s.error === "expired" ? T.wa_code_expired : "";
      error.textContent = message;
      error.hidden = !message;
      if (message) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
      if (s.person_code) {
        person(function () { typeInto(input, s.person_code, function () { confirm.click(); }); });
      }
    }

    function submit() {
      if (busy) return;
      busy = true;
      confirm.setAttribute("aria-disabled", "true");
      post(F.code_url, codeBody(F, input.value)).then(function (res) {
        busy = false;
        confirm.removeAttribute("aria-disabled");
        var b = res.body || {};
        if (res.status >= 500) { messageDialog(T.error_title, T.error_text); return; }
        if (b.redirect) { location.assign(b.redirect); return; }
        input.value = "";
        show(b);
      }, function () {
        busy = false;
        confirm.removeAttribute("aria-disabled");
      });
    }

    show(state);
  }

  // ---------------------------------------------------------------- custom widgets

  function labelRow(spec, labelId) {
    return h("div", { cls: "label_row" }, [
      h("span", { id: labelId, cls: "label", text: spec.label }),
      spec.optional_text ? h("span", { cls: "label_optional", text: "(" + spec.optional_text + ")" }) : null
    ]);
  }

  function nameAttrs(spec, labelId) {
    return spec.label_mode === "by" ? { "aria-labelledby": labelId } : { "aria-label": spec.label };
  }

  function combobox(spec, value, labelId, onChange) {
    var listId = rid();
    var current = value || "";
    var text = h("span", { cls: "combo_text", text: spec.placeholder });
    var attrs = { role: "combobox", tabindex: "0", "aria-haspopup": "listbox", "aria-expanded": "false",
      "aria-controls": listId, cls: "control combo" };
    Object.assign(attrs, nameAttrs(spec, labelId));
    if (spec.required) attrs["aria-required"] = "true";
    var box = h("div", attrs, [text, h("i", { cls: "chevron" })]);
    var popover = null;
    var typed = "";
    var typedAt = 0;
    spec.options.forEach(function (o) { if (o[0] === current) text.textContent = o[1]; });

    function options() { return popover ? popover.querySelectorAll("[role=option]") : []; }
    function open() {
      if (popover) return;
      var listAttrs = { role: "listbox", id: listId, cls: "listbox" };
      Object.assign(listAttrs, nameAttrs(spec, labelId));
      var list = h("div", listAttrs, spec.options.map(function (o, index) {
        var option = h("div", { role: "option", tabindex: "-1", "aria-selected": o[0] === current ? "true" : "false",
          cls: "option", text: o[1] });
        option.addEventListener("click", function () { choose(index); });
        option.addEventListener("keydown", function (ev) { onKey(ev, index); });
        return option;
      }));
      popover = h("div", { cls: "popover" }, [list]);
      var rect = box.getBoundingClientRect();
      popover.style.left = (rect.left + window.scrollX) + "px";
      popover.style.top = (rect.bottom + window.scrollY + 4) + "px";
      popover.style.width = rect.width + "px";
      document.body.appendChild(popover);
      box.setAttribute("aria-expanded", "true");
      var selected = list.querySelector("[aria-selected=true]");
      if (selected) selected.scrollIntoView({ block: "nearest" });
    }
    function close() {
      if (!popover) return;
      popover.remove();
      popover = null;
      box.setAttribute("aria-expanded", "false");
    }
    function choose(index) {
      current = spec.options[index][0];
      text.textContent = spec.options[index][1];
      close();
      box.focus();
      onChange();
    }
    function focusOption(index) {
      var all = options();
      if (!all.length) return;
      all[Math.max(0, Math.min(all.length - 1, index))].focus();
    }
    function typeahead(key) {
      var now = Date.now();
      typed = (now - typedAt > 700 ? "" : typed) + key.toLowerCase();
      typedAt = now;
      for (var i = 0; i < spec.options.length; i += 1) {
        if (spec.options[i][1].toLowerCase().indexOf(typed) === 0) { open(); focusOption(i); return; }
      }
    }
    function onKey(ev, index) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); choose(index); }
      else if (ev.key === "ArrowDown") { ev.preventDefault(); focusOption(index + 1); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); focusOption(index - 1); }
      else if (ev.key === "Escape" || ev.key === "Tab") { close(); box.focus(); }
      else if (ev.key.length === 1) { typeahead(ev.key); }
    }
    function off() { return box.getAttribute("aria-disabled") === "true"; }
    box.addEventListener("click", function () { if (off()) return; if (popover) close(); else open(); });
    box.addEventListener("keydown", function (ev) {
      if (off()) return;
      if (ev.key === "Enter" || ev.key === " " || ev.key === "ArrowDown") {
        ev.preventDefault();
        open();
        var all = spec.options.map(function (o) { return o[0]; });
        focusOption(Math.max(0, all.indexOf(current)));
      } else if (ev.key === "Escape") { close(); }
      else if (ev.key.length === 1) { typeahead(ev.key); }
    });
    document.addEventListener("mousedown", function (ev) {
      if (popover && !popover.contains(ev.target) && !box.contains(ev.target)) close();
    });
    return { el: box, focusEl: box, get: function () { return current; } };
  }

  function radiogroup(spec, value, labelId, onChange) {
    var current = value || "";
    var attrs = { role: "radiogroup", cls: "fieldset" };
    Object.assign(attrs, nameAttrs(spec, labelId));
    if (spec.required) attrs["aria-required"] = "true";
    var radios = [];
    var group = h("div", attrs, spec.options.map(function (o, index) {
      var radio = h("div", { role: "radio", "aria-checked": o[0] === current ? "true" : "false",
        tabindex: index === 0 ? "0" : "-1", cls: "radio" },
        [h("span", { cls: "radio_dot" }), h("span", { cls: "radio_text", text: o[1] })]);
      activate(radio, function () { pick(index); });
      radio.addEventListener("keydown", function (ev) {
        if (ev.key === "ArrowDown" || ev.key === "ArrowRight") { ev.preventDefault(); pick((index + 1) % radios.length); radios[(index + 1) % radios.length].focus(); }
        if (ev.key === "ArrowUp" || ev.key === "ArrowLeft") { ev.preventDefault(); var p = (index + radios.length - 1) % radios.length; pick(p); radios[p].focus(); }
      });
      radios.push(radio);
      return radio;
    }));
    function pick(index) {
      current = spec.options[index][0];
      radios.forEach(function (r, i) {
        r.setAttribute("aria-checked", i === index ? "true" : "false");
        r.setAttribute("tabindex", i === index ? "0" : "-1");
      });
      onChange();
    }
    return { el: group, focusEl: radios[0], get: function () { return current; } };
  }

  function fileInput(spec, labelId, onChange) {
    var attrs = { type: "file", accept: spec.accept || null, cls: "visually_hidden" };
    Object.assign(attrs, nameAttrs(spec, labelId));
    var input = h("input", attrs);
    var name = h("span", { cls: "file_name", text: spec.no_file });
    var button = roleButton(spec.button, "button_secondary", function () { input.click(); });
    input.addEventListener("change", function () {
      name.textContent = input.files.length ? input.files[0].name : spec.no_file;
      onChange();
    });
    var row = h("div", { cls: "file_row" }, [input, button, name]);
    return { el: row, focusEl: button, get: function () { return input.files.length ? input.files[0] : null; } };
  }

  function widget(spec, value, onChange) {
    var labelId = rid();
    var hintId = rid();
    var control;
    if (spec.type === "select") control = combobox(spec, value, labelId, onChange);
    else if (spec.type === "radios") control = radiogroup(spec, value, labelId, onChange);
    else if (spec.type === "file") control = fileInput(spec, labelId, onChange);
    else {
      var attrs = { cls: "control" + (spec.type === "textarea" ? " textarea" : ""), dir: "ltr",
        autocomplete: spec.autocomplete || "off" };
      Object.assign(attrs, nameAttrs(spec, labelId));
      if (spec.required) attrs["aria-required"] = "true";
      var el;
      if (spec.type === "tel") attrs.inputmode = "tel";
      if (spec.hint) attrs["aria-describedby"] = hintId;
      if (spec.type === "textarea") { attrs.rows = "5"; el = h("textarea", attrs); }
      else {
        attrs.type = ["date", "tel", "email"].indexOf(spec.type) >= 0 ? spec.type : "text";
        el = h("input", attrs);
      }
      el.value = value === undefined || value === null ? (spec.value || "") : value;
      el.addEventListener("input", onChange);
      control = { el: el, focusEl: el, get: function () { return el.value; } };
    }
    var hint = spec.hint ? h("div", { id: hintId, cls: "hint", text: spec.hint }) : null;
    var error = h("div", { role: "alert", cls: "error" });
    error.hidden = true;
    var wrapper = h("div", { cls: "field" }, [labelRow(spec, labelId), control.el, hint, error]);
    return {
      el: wrapper,
      get: control.get,
      setError: function (message) {
        error.textContent = message || "";
        error.hidden = !message;
        var target = control.el.matches("[role=radiogroup], [role=combobox], input, textarea")
          ? control.el : control.focusEl;
        if (message) target.setAttribute("aria-invalid", "true");
        else target.removeAttribute("aria-invalid");
      }
    };
  }

  function buildCustomForm(mount, F) {
    var controls = {};
    var toggles = [];
    var busy = false;
    var locked = false;
    var sendButton = roleButton(F.submit, "button_primary", send);
    var actions = h("div", { cls: "actions" }, [sendButton]);
    var root = h("div", { cls: "form" });

    function refresh() {
      toggles.forEach(function (tg) {
        var key = tg.spec.show_when[0];
        var val = controls[key] ? controls[key].get() : "";
        tg.el.hidden = tg.spec.show_when[1].indexOf(val) < 0;
      });
    }

    function draw(fields, parent) {
      fields.forEach(function (spec) {
        if (spec.type === "info") {
          var info = h("div", { cls: "info" }, [spec.text + " ", h("a", { href: spec.link[0], cls: "link", text: spec.link[1] })]);
          toggles.push({ spec: spec, el: info });
          parent.appendChild(info);
        } else if (spec.type === "section") {
          var section = h("div", { cls: "section" });
          draw(spec.fields, section);
          if (spec.submit) section.appendChild(actions);
          toggles.push({ spec: spec, el: section });
          parent.appendChild(section);
        } else {
          var control = widget(spec, F.values[spec.key], refresh);
          controls[spec.key] = control;
          parent.appendChild(control.el);
        }
      });
    }

    draw(F.fields, root);
    if (!actions.parentNode) root.appendChild(actions);
    mount.appendChild(root);
    refresh();
    Object.keys(F.errors || {}).forEach(function (key) { if (controls[key]) controls[key].setError(F.errors[key]); });

    function visibleKeys() {
      return Object.keys(controls).filter(function (key) { return !controls[key].el.closest("[hidden]"); });
    }

    // After Send on WhatsApp's form: the fields and Send stay in view, disabled.
    function lock() {
      locked = true;
      sendButton.setAttribute("aria-disabled", "true");
      root.querySelectorAll("input, textarea").forEach(function (el) { el.disabled = true; });
      root.querySelectorAll("[role=combobox]").forEach(function (el) { el.setAttribute("aria-disabled", "true"); });
    }

    function verify(state) {
      if (F.inline) { lock(); inlineStep(F, state, root); }
      else if (state.via === "link") linkDialog(state);
      else codeDialog(F, state);
    }

    function afterSend(dialog) {
      if (dialog === "blocked") blockDialog();
      else if (dialog === "surprise") surpriseDialog();
      else if (dialog === "confirmation") messageDialog(T.confirm_title, T.confirm_text, "confirm_layer");
    }

    function send() {
      if (busy || locked) return;
      busy = true;
      sendButton.setAttribute("aria-disabled", "true");
      Object.keys(controls).forEach(function (key) { controls[key].setError(""); });
      var values = {};
      var files = {};
      visibleKeys().forEach(function (key) {
        var v = controls[key].get();
        if (v instanceof File) files[key] = v;
        else if (v !== null) values[key] = v;
      });
      var body;
      if (F.multipart) {
        body = new FormData();
        body.append("support_form_id", F.form_id);
        body.append("fields", JSON.stringify(values));
        Object.keys(files).forEach(function (key) { body.append(key, files[key], files[key].name); });
      } else {
        body = JSON.stringify(Object.assign({ support_form_id: F.form_id, fields: values }, F.params || {}));
      }
      post(F.submit_url, body).then(function (res) {
        busy = false;
        sendButton.removeAttribute("aria-disabled");
        var b = res.body || {};
        if (res.status >= 500) { messageDialog(T.error_title, T.error_text); return; }
        if (b.redirect) { location.assign(b.redirect); return; }
        if (b.errors) {
          Object.keys(b.errors).forEach(function (key) { if (controls[key]) controls[key].setError(b.errors[key]); });
          return;
        }
        if (b.code) { verify(b.code); return; }
        if (b.link) { verify(Object.assign({ via: "link" }, b.link)); return; }
        afterSend(b.dialog);
      }, function () {
        busy = false;
        sendButton.removeAttribute("aria-disabled");
        messageDialog(T.error_title, T.error_text);
      });
    }

    if (F.pending) verify(F.pending);
    else afterSend(F.flash === "blocked" ? null : F.flash);
    if (F.block_on_load || F.flash === "blocked") blockDialog();
  }

  // ---------------------------------------------------------------- native forms

  function bindNativeSections(root, F) {
    var items = F.fields.filter(function (f) { return f.type === "section" || f.type === "info"; });
    var els = root.querySelectorAll(sel("section") + ", " + sel("info"));
    function valueOf(key) {
      var spec = F.fields.filter(function (f) { return f.key === key; })[0];
      var checked = spec && root.querySelector("input[name=\"" + spec.name + "\"]:checked");
      return checked ? checked.value : "";
    }
    function update() {
      items.forEach(function (item, i) {
        if (els[i]) els[i].hidden = item.show_when[1].indexOf(valueOf(item.show_when[0])) < 0;
      });
    }
    root.addEventListener("change", update);
    update();
  }

  function bindNativeDialogs(F) {
    document.querySelectorAll(sel("dismiss")).forEach(function (button) {
      button.addEventListener("click", function () {
        var layer = button.closest(sel("layer"));
        if (layer) layer.remove();
      });
    });
    if (F.pending) openLinkLater(F.pending);
  }

  // The code dialog, or WhatsApp's code field below the form (present once a slow page shows it).
  function bindPersonCode(F) {
    var box = document.querySelector(sel("code_layer") + ", " + sel("code_section"));
    var input = box && box.querySelector("input[name=code]");
    if (input && F.pending && F.pending.person_code) {
      var submit = box.querySelector("button[type=submit]");
      person(function () { typeInto(input, F.pending.person_code, function () { submit.click(); }); });
    }
  }

  function setupForm() {
    var F = CFG.form;
    var mount = document.querySelector(sel("mount"));
    if (CFG.custom) {
      setTimeout(function () { buildCustomForm(mount, F); }, CFG.slow_ms || 0);
      return;
    }
    bindNativeDialogs(F);
    var tpl = mount.querySelector("template");
    if (!tpl) { bindNativeSections(mount, F); bindPersonCode(F); return; }
    setTimeout(function () {  // a slow page: the form appears only now
      mount.appendChild(tpl.content.cloneNode(true));
      tpl.remove();
      bindNativeSections(mount, F);
      bindPersonCode(F);
    }, CFG.slow_ms || 0);
  }

  // ---------------------------------------------------------------- start

  setupBanner();
  if (CFG.page === "login") setupLogin();
  if (CFG.form) setupForm();
})();
