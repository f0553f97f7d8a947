// SkillBot web chat: questions go to /api/webchat/ask; card buttons (Action.Execute) go to
// /api/webchat/action, the same navigation a Teams invoke takes, and the card is replaced in place.
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

    function render(card, holder) {
        const adaptiveCard = new AdaptiveCards.AdaptiveCard();
        adaptiveCard.hostConfig = hostConfig;
        adaptiveCard.onExecuteAction = action => {
            if (action instanceof AdaptiveCards.ExecuteAction) {
                post("/api/webchat/action", { verb: action.verb, data: action.data })
                    .then(reply => render(reply.card, holder))
                    .catch(error => say(error.message, "error"));
            }
        };
        adaptiveCard.parse(card);
        holder.replaceChildren(adaptiveCard.render());
        holder.scrollIntoView({ block: "nearest" });
    }

    function say(text, kind) {
        const bubble = document.createElement("div");
        bubble.className = `message ${kind}`;
        bubble.textContent = text; // user text is shown as text, never as HTML
        conversation.appendChild(bubble);
        bubble.scrollIntoView({ block: "nearest" });
        return bubble;
    }

    function answer(reply) {
        const holder = say("", "bot");
        holder.setAttribute("aria-label", reply.text);
        render(reply.card, holder);
    }

    form.addEventListener("submit", event => {
        event.preventDefault();
        const q = input.value.trim();
        if (!q) return;
        input.value = "";
        say(q, "user");
        post("/api/webchat/ask", { q }).then(answer).catch(error => say(error.message, "error"));
    });

    (async () => {
        hostConfig = new AdaptiveCards.HostConfig(await (await fetch("host-config.json")).json());
        answer(await post("/api/webchat/welcome"));
    })().catch(error => say(error.message, "error"));
})();
