// The catalogue as the Teams app's personal tab (?view=tab). Inside Teams (framed) this loads TeamsJS from this host,
// tells Teams the page is ready and follows its theme; opened on its own the page stays plain and TeamsJS is not loaded.
"use strict";
(function () {
    if (window.parent === window) {
        return;
    }
    const root = document.documentElement;
    const useTheme = theme => { root.dataset.theme = theme || "default"; };
    const script = document.createElement("script");
    script.src = new URL("teams-js.min.js", document.currentScript.src).toString();
    script.onload = () => {
        const teams = window.microsoftTeams;
        teams.app.initialize()
            .then(() => {
                root.dataset.teams = "ready";
                teams.app.registerOnThemeChangeHandler(useTheme);
                return teams.app.getContext();
            })
            .then(context => useTheme(context.app.theme))
            // Framed by a host that does not answer (not Teams): the page stays as it is, readable.
            .catch(() => { root.dataset.teams = "unavailable"; });
    };
    document.head.append(script);
})();
