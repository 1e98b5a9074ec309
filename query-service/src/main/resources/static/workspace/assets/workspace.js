// The workspace's own script, loaded from this origin (the Content-Security-Policy allows no inline
// script). Pages work without it; it only moves focus to what a person must read first.
document.addEventListener('DOMContentLoaded', function () {
    // after a refused form, the problem summary takes the focus, so a screen reader reads it first
    var problem = document.getElementById('form-problem');
    if (problem) {
        problem.focus();
    }
});
