// SkillBot web chat: questions go to /api/webchat/ask; card buttons (Action.Execute) go to
// /api/webchat/action, the same navigation a Teams invoke takes, and the card is replaced in place.
// "Open in browser" (Action.OpenUrl) opens the answer's catalogue page in a new tab.
"use strict";
(() => {
    const conversation = document.getElementById("conversation");
    const form = document.getElementById("ask");
    const input = document.getElementById("question");
    const user = localStorage.getItem("skillbot.user") || crypto.randomUUID();
    localStorage.setItem("skillbot.user", user);
    let hostConfig;

    async function post(path, body) {
        const response = await fetch(path, {
            method: body ? "POST" : "GET",
            headers: body ? { "Content-Type": "application/json" } : {},
            body: body ? JSON.stringify({ ...body, user }) : undefined,
        });
        const json = await response.json();
        if (!response.ok) {
            throw new Error(json.detail || json.title || `SkillBot answered ${response.status}`);
        }
        return json;
    }

    // Teams' own colours for good, warning, attention and accent text are too faint on white for WCAG AA (4.5:1):
    // the web chat takes Teams' darker shades of them.
    const readableColors = { good: "#0e700e", warning: "#835b00", attention: "#c4314b", accent: "#4f52b2" };

    // Teams' host config, with fonts that have Chinese and emoji where Segoe UI is missing, and readable colours.
    async function loadHostConfig() {
        const config = await (await fetch("host-config.json")).json();
        for (const type of Object.values(config.fontTypes || {})) {
            if (type.fontFamily) type.fontFamily += ', "Noto Sans", "Noto Sans CJK SC", "Noto Color Emoji"';
        }
        for (const style of Object.values(config.containerStyles || {})) {
            for (const [name, color] of Object.entries(readableColors)) {
                if (style.foregroundColors?.[name]) style.foregroundColors[name] = { default: color, subtle: color };
            }
        }
        return new AdaptiveCards.HostConfig(config);
    }

    // A container with a selectAction is one big button: the renderer names it by the action's title ("Details"),
    // which hides the text it shows; named by its content instead, what a screen reader says is what is seen.
    function nameButtonsByContent(root) {
        for (const element of root.querySelectorAll('.ac-container[role="button"][aria-label], .ac-columnSet[role="button"][aria-label]')) {
            element.removeAttribute("aria-label");
        }
    }

    function render(card, holder, label) {
        const adaptiveCard = new AdaptiveCards.AdaptiveCard();
        adaptiveCard.hostConfig = hostConfig;
        adaptiveCard.onExecuteAction = action => {
            if (action instanceof AdaptiveCards.OpenUrlAction) {
                window.open(action.url, "_blank", "noopener");
            } else if (action instanceof AdaptiveCards.ExecuteAction) {
                post("/api/webchat/action", { verb: action.verb, data: action.data })
                    .then(reply => {
                        render(reply.card, holder, firstLine(reply.text));
                        holder.scrollIntoView({ block: "nearest" });
                        // The clicked button is gone with its card: keep the keyboard in the new one.
                        (holder.querySelector("button, select, input") || holder).focus();
                    })
                    .catch(error => say(error.message, "error"));
            }
        };
        adaptiveCard.parse(card);
        holder.setAttribute("aria-label", label);
        const rendered = adaptiveCard.render();
        nameButtonsByContent(rendered);
        holder.replaceChildren(rendered);
    }

    function firstLine(text) {
        return `SkillBot: ${(text || "").split("\n").find(line => line.trim()) || "answer"}`;
    }

    function say(text, kind) {
        const bubble = document.createElement(kind === "bot" ? "article" : "div");
        bubble.className = `message ${kind}`;
        if (kind === "error") bubble.setAttribute("role", "alert");
        if (kind === "bot") bubble.tabIndex = -1; // focusable by script only, so a replaced card keeps the keyboard
        bubble.textContent = text; // user text is shown as text, never as HTML
        conversation.appendChild(bubble);
        bubble.scrollIntoView({ block: "end" });
        return bubble;
    }

    function answer(reply, pending) {
        const holder = say("", "bot");
        pending?.remove();
        render(reply.card, holder, firstLine(reply.text));
        // The newest answer's top in view: a card is read from its title down.
        holder.scrollIntoView({ block: "start" });
    }

    form.addEventListener("submit", event => {
        event.preventDefault();
        const q = input.value.trim();
        if (!q) return;
        input.value = "";
        say(q, "user");
        const pending = say("SkillBot is answering…", "pending");
        post("/api/webchat/ask", { q })
            .then(reply => answer(reply, pending))
            .catch(error => { pending.remove(); say(error.message, "error"); });
    });

    (async () => {
        hostConfig = await loadHostConfig();
        answer(await post("/api/webchat/welcome"));
    })().catch(error => say(error.message, "error"));
})();
