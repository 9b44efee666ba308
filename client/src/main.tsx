import { render } from 'preact';
import './styles.css';
import { initAuth } from './auth';
import { App } from './components/App';
import { ConfigErrorPage } from './components/ConfigErrorPage';
import { loadConfig } from './config';
import { config, startClock } from './state';

async function boot(root: HTMLElement): Promise<void> {
  try {
    config.value = await loadConfig();
  } catch (err) {
    console.error(err);
    document.title = 'Not configured · Serverless Chat';
    root.textContent = '';
    render(<ConfigErrorPage error={err} />, root);
    return;
  }
  initAuth();
  startClock();
  root.textContent = '';
  render(<App />, root);
}

const root = document.getElementById('app');
if (root) void boot(root);
