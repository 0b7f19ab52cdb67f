// Starts Swagger UI on /docs over the two documents this server publishes: the bank's API (pointing at this server)
// and our test-control API. "Authorize" takes a JWT key (TOCHKA_TOKEN in data/demo.env) or sandbox.jwt.token.
window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    urls: [
      { url: '/openapi.json', name: 'bank' },
      { url: '/openapi-control.json', name: 'control' }
    ],
    'urls.primaryName': new URLSearchParams(window.location.search).get('urls.primaryName') || 'bank',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: false,
    tryItOutEnabled: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    layout: 'StandaloneLayout'
  });
});
