class AffiliateManager {
  constructor(apiKey) {
    this.apiKey = apiKey;
    this.baseUrl = 'https://api.chariow.com/v1';
  }

  async getAffiliate(code) {
    const response = await fetch(
      `${this.baseUrl}/affiliates/${code}`,
      { headers: { 'Authorization': `Bearer ${this.apiKey}` }}
    );

    if (!response.ok) {
      throw new Error('Affilie non trouve');
    }

    const { data } = await response.json();
    return data;
  }

  async sendInvitations(emails) {
    const response = await fetch(
      `${this.baseUrl}/affiliates/invitations`,
      {
        method: 'POST',
        headers: {
          'Authorization': `Bearer ${this.apiKey}`,
          'Content-Type': 'application/json'
        },
        body: JSON.stringify({ emails })
      }
    );

    if (!response.ok) {
      const error = await response.json();
      throw new Error(error.message);
    }

    return response.json();
  }

  async validateAffiliateCode(code) {
    try {
      const affiliate = await this.getAffiliate(code);
      return {
        valid: affiliate.status === 'active',
        affiliate
      };
    } catch (error) {
      return { valid: false, error: error.message };
    }
  }
}

// Utilisation
const manager = new AffiliateManager('sk_live_your_api_key');

// Valider un code affilie au moment du paiement
const { valid, affiliate } = await manager.validateAffiliateCode('JOHN25');
if (valid) {
  console.log(`Application de ${affiliate.commission_rate}% de commission pour ${affiliate.name}`);
}

// Envoyer des invitations aux affilies potentiels
const result = await manager.sendInvitations([
  '[email protected]',
  '[email protected]'
]);
console.log(`${result.data.invitations.length} invitations envoyees`);
