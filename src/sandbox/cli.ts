// placeholder until the sandbox CLI lands
console.error('sandbox CLI not built yet'); process.exit(1);
