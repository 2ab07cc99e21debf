// The language menu switches as soon as a language is chosen (without scripts, its button does).
document.querySelectorAll("form.language select[name=language]").forEach((menu) => {
  menu.addEventListener("change", () => menu.form.submit());
});
