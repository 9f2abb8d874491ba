// Runs between two copies of the script: the next copy registers its tags as acme-*.
window.AdvocacyKitConfig = { prefix: 'acme' };
