// Type-ahead zone picker for the compare form. Without this script the form has a plain text
// input of zone slugs (a,b,c) and links that remove a chosen zone; with it, typing part of any
// name asks the zones API (?q=) and the chosen zones become chips, kept in that same input.
(function () {
  "use strict";
  var picker = document.querySelector("[data-zone-picker]");
  if (!picker) { return; }
  var api = picker.dataset.zonesApi;
  var maxZones = Number(picker.dataset.maxZones) || 6;
  var slugsInput = picker.querySelector("input[name=zones]");
  var chips = picker.querySelector(".chips");
  var search = picker.querySelector("[data-zone-search]");
  var list = picker.querySelector("[data-zone-options]");
  var status = picker.querySelector("[data-zone-status]");
  var texts = JSON.parse(document.getElementById("zone-picker-texts").textContent);
  var timer = null, active = -1, options = [], asked = 0;

  function chosen() {
    return slugsInput.value.split(",").map(function (s) { return s.trim(); }).filter(Boolean);
  }

  function setChosen(slugs) {
    slugsInput.value = slugs.join(",");
    search.disabled = slugs.length >= maxZones;
    search.placeholder = search.disabled ? texts.full : texts.placeholder;
  }

  function chip(slug, name) {
    var item = document.createElement("li");
    item.className = "chip";
    item.dataset.slug = slug;
    item.appendChild(document.createTextNode(name + " "));
    var remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = "×";
    remove.setAttribute("aria-label", texts.remove.replace("%s", name));
    item.appendChild(remove);
    return item;
  }

  function add(zone) {
    var slugs = chosen();
    if (slugs.indexOf(zone.slug) === -1 && slugs.length < maxZones) {
      chips.appendChild(chip(zone.slug, zone.short_name || zone.name));
      setChosen(slugs.concat([zone.slug]));
      status.textContent = texts.added.replace("%s", zone.short_name || zone.name);
    }
    search.value = "";
    close();
    search.focus();
  }

  chips.addEventListener("click", function (event) {
    var target = event.target;
    if (!target.closest) { return; }
    var item = target.closest(".chip");
    if (!item || !(target.tagName === "BUTTON" || target.tagName === "A")) { return; }
    event.preventDefault();
    setChosen(chosen().filter(function (slug) { return slug !== item.dataset.slug; }));
    item.remove();
    search.focus();
  });

  function close() {
    list.hidden = true;
    list.textContent = "";
    options = [];
    active = -1;
    search.setAttribute("aria-expanded", "false");
    search.removeAttribute("aria-activedescendant");
  }

  function highlight(index) {
    options.forEach(function (option, i) { option.element.setAttribute("aria-selected", String(i === index)); });
    active = index;
    if (index >= 0) { search.setAttribute("aria-activedescendant", options[index].element.id); }
  }

  function show(zones) {
    close();
    var taken = chosen();
    zones.filter(function (zone) { return taken.indexOf(zone.slug) === -1; }).forEach(function (zone, i) {
      var element = document.createElement("li");
      element.id = "zone-option-" + i;
      element.setAttribute("role", "option");
      element.setAttribute("aria-selected", "false");
      var name = document.createElement("span");
      name.textContent = zone.short_name || zone.name;
      var where = document.createElement("small");
      where.textContent = " " + [zone.province.split("|").join("、"), zone.name].filter(Boolean).join(" · ");
      element.appendChild(name);
      element.appendChild(where);
      element.addEventListener("mousedown", function (event) { event.preventDefault(); add(zone); });
      list.appendChild(element);
      options.push({ zone: zone, element: element });
    });
    if (!options.length) {
      var none = document.createElement("li");
      none.className = "none";
      none.textContent = texts.none;
      list.appendChild(none);
    }
    list.hidden = false;
    search.setAttribute("aria-expanded", "true");
    status.textContent = options.length ? texts.found.replace("%s", options.length) : texts.none;
  }

  function ask(term) {
    var call = ++asked;
    var url = api + "?page_size=10&q=" + encodeURIComponent(term);
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.json();
      })
      .then(function (body) { if (call === asked && search.value.trim() === term) { show(body.results || []); } })
      .catch(function () {
        if (call !== asked) { return; }
        status.textContent = texts.failed;
        picker.querySelector("[data-zone-slugs]").hidden = false;  // typing identifiers still works
      });
  }

  search.addEventListener("input", function () {
    clearTimeout(timer);
    var term = search.value.trim();
    if (!term) { close(); return; }
    timer = setTimeout(function () { ask(term); }, 200);
  });

  search.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && options.length) {
      event.preventDefault(); highlight((active + 1) % options.length);
    } else if (event.key === "ArrowUp" && options.length) {
      event.preventDefault(); highlight((active - 1 + options.length) % options.length);
    } else if (event.key === "Enter" && (active >= 0 || options.length === 1)) {
      event.preventDefault(); add(options[Math.max(active, 0)].zone);
    } else if (event.key === "Escape") {
      close();
    } else if (event.key === "Backspace" && !search.value && chips.lastElementChild) {
      var last = chips.lastElementChild;
      setChosen(chosen().filter(function (slug) { return slug !== last.dataset.slug; }));
      last.remove();
    }
  });
  search.addEventListener("blur", function () { setTimeout(close, 150); });

  // With the script, the chips show the choice; the input of slugs, hidden, stays the form's value.
  picker.querySelector("[data-zone-slugs]").hidden = true;
  picker.querySelector("[data-zone-search-row]").hidden = false;
  setChosen(chosen());
})();
