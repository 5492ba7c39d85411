// The sign-in page: says so when the last sign-in failed (?failed).
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('failed').hidden = !new URLSearchParams(window.location.search).has('failed');
});
