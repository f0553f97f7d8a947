// The catalogue as the Teams app's personal tab (?view=tab). Inside Teams (framed) the page tells TeamsJS it is ready
// and follows Teams' theme; opened on its own it is the plain page, and TeamsJS is not started.
"use strict";
(function () {
    const root = document.documentElement;
    if (window.parent === window || !window.microsoftTeams) {
        return;
    }
    const teams = window.microsoftTeams;
    const useTheme = theme => { root.dataset.theme = theme || "default"; };
    teams.app.initialize()
        .then(() => {
            root.dataset.teams = "ready";
            teams.app.registerOnThemeChangeHandler(useTheme);
            return teams.app.getContext();
        })
        .then(context => useTheme(context.app.theme))
        // Not in a host that answers (a frame that is not Teams): the page stays as it is, readable.
        .catch(() => { root.dataset.teams = "unavailable"; });
})();
