// n8n finds the nodes and the credential through the "n8n" field of package.json; this entry point
// only lets `require('n8n-nodes-workfront')` resolve.
module.exports = {};
