// The search box says "type to start searching": its index has loaded.
() => {
  const meta = document.querySelector(".md-search-result__meta");
  const ready = JSON.parse(document.getElementById("__config").textContent)
    .translations["search.result.placeholder"];
  return meta && meta.textContent.includes(ready);
}
