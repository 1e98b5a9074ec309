// The workspace's own script, loaded from this origin (the Content-Security-Policy allows no inline
// script). Pages work without it; it moves focus to what a person must read first, and lets the
// time-travel slider fill in the "as known at" field.
document.addEventListener('DOMContentLoaded', function () {
    // after a refused form, the problem summary takes the focus, so a screen reader reads it first
    var problem = document.getElementById('form-problem');
    if (problem) {
        problem.focus();
    }
});

// the slider's marks arrive after the page (htmx); one listener on the document serves them all
document.addEventListener('input', function (event) {
    var slider = event.target;
    if (!slider || slider.id !== 'travel-slider') {
        return;
    }
    var mark = document.querySelectorAll('#travel-marks option')[Number(slider.value)];
    var field = document.getElementById('travel-known-at');
    var shown = document.getElementById('travel-slider-value');
    if (mark && field) {
        field.value = mark.getAttribute('data-known-at');
        if (shown) {
            shown.textContent = mark.getAttribute('label');
        }
    }
});
