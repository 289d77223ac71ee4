// Served from the service itself: the docs work on a venue's network with no internet.
window.ui = SwaggerUIBundle({ url: "/api/openapi.json", dom_id: "#swagger-ui", deepLinking: true });
