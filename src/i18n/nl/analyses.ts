/** Dutch words of the analyses layer: the same keys as the English table, checked by the compiler. */
import type { Texts } from '../types.js';

export const analyses: Texts['analyses'] = {
  rfmSegments: {
    champions: {
      name: 'Kampioenen',
      description: 'Kochten onlangs, kopen vaak en besteden het meest.',
      action: 'Beloon ze; vraag om reviews en aanbevelingen; geef vroege toegang.',
    },
    loyal: {
      name: 'Trouwe klanten',
      description: 'Kopen regelmatig en reageren op acties.',
      action: 'Verkoop duurdere producten; nodig uit voor een loyaliteitsprogramma.',
    },
    'potential-loyalists': {
      name: 'Potentiële trouwe klanten',
      description: 'Recente klanten met meer dan één bestelling.',
      action: 'Bied lidmaatschap of spaarvoordeel; beveel verwante producten aan.',
    },
    new: {
      name: 'Nieuwe klanten',
      description: 'Kochten zeer onlangs, maar pas één keer.',
      action: 'Zorg voor een goede start; maak de tweede bestelling makkelijk.',
    },
    promising: {
      name: 'Veelbelovend',
      description: 'Recente eenmalige kopers.',
      action: 'Bouw naamsbekendheid op; geef een kleine reden om terug te komen.',
    },
    'need-attention': {
      name: 'Aandacht nodig',
      description: 'Gemiddeld recent en frequent; kunnen afhaken.',
      action: 'Stuur tijdelijke aanbiedingen op basis van eerdere aankopen.',
    },
    'about-to-sleep': {
      name: 'Bijna slapend',
      description: 'Al even niet gekocht en weinig bestellingen.',
      action: 'Heractiveer met populaire producten en kortingen.',
    },
    'at-risk': {
      name: 'Risicoklanten',
      description: 'Kochten vaak, maar lang geleden.',
      action: 'Stuur persoonlijke terugwin-mails; bied verlengingen aan.',
    },
    'cant-lose': {
      name: 'Niet kwijtraken',
      description: 'Hoorden bij de beste klanten, maar kwamen lang niet terug.',
      action: 'Win ze persoonlijk terug; vraag wat er misging.',
    },
    hibernating: {
      name: 'Slapend',
      description: 'Laatste bestelling lang geleden, weinig bestellingen, lage besteding.',
      action: 'Probeer goedkoop te heractiveren; anders niet meer in investeren.',
    },
  },
  loyalty: { loyal: 'Trouw', potential: 'Potentieel trouw', 'at-risk': 'Risico', lost: 'Verloren' },
  clusterWords: {
    recency: { low: 'recent', mid: 'redelijk recent', high: 'lang niet gezien' },
    frequency: { low: 'zelden', mid: 'af en toe', high: 'frequent' },
    monetary: { low: 'lage besteding', mid: 'gemiddelde besteding', high: 'hoge besteding' },
    avg_order_value: { low: 'kleine orders', high: 'grote orders' },
    tenure_days: { low: 'nieuw', high: 'langjarig' },
  },
  clusterColumnWord: (level, feature) => `${level === 'high' ? 'hoge' : 'lage'} ${feature}`,
  clusterAverage: 'Gemiddelde klanten',
  features: {
    recency: 'Recency (dagen)',
    frequency: 'Orders',
    monetary: 'Omzet',
    avg_order_value: 'Gemiddelde orderwaarde',
    tenure_days: 'Klant sinds (dagen)',
  },
  flow: (count, from, to) => `${count} ${from} werden ${to}`,
  tiers: {
    top: (share) => `Top ${share}`,
    next: (share) => `Volgende ${share}`,
    rest: (share) => `Rest ${share}`,
  },
};
